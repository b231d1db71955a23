package frontdesk.staff;

import frontdesk.conversation.CustomerDelivery;

/**
 * What came of a staff member's button press or command.
 *
 * @param notice a short note for them
 * @param delivery a message for the customer, or {@code null}
 */
public record StaffAction(String notice, CustomerDelivery delivery) {

	static StaffAction note(String notice) {
		return new StaffAction(notice, null);
	}
}
