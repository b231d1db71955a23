package frontdesk.ticket;

import java.time.Instant;

/**
 * A ticket left the queue for good: closed, or withdrawn by the customer.
 *
 * @param ticket the ticket as it was
 * @param ending how it ended
 * @param closedBy the staff member who closed it, or {@code null}
 * @param at when
 */
public record TicketEnded(TicketView ticket, Ending ending, String closedBy, Instant at) {

	public enum Ending {

		/** A staff member closed it. */
		CLOSED_BY_STAFF,

		/** The customer ended the conversation. */
		ENDED_BY_CUSTOMER,

		/** The customer no longer needed a person. */
		WITHDRAWN,

		/** The conversation closed after a long time with no message. */
		IDLE
	}
}
