package frontdesk.conversation;

/**
 * Why a conversation ended.
 */
public enum CloseReason {

	/** The customer ended it. */
	CUSTOMER,

	/** A staff member closed it. */
	STAFF,

	/** Nobody wrote for too long. */
	IDLE
}
