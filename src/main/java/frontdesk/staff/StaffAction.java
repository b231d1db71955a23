package frontdesk.staff;

import java.util.List;

import frontdesk.conversation.CustomerDelivery;
import frontdesk.conversation.Reply;

/**
 * What came of a staff member's button press or command.
 *
 * @param notice a short note for them
 * @param delivery a message for the customer, or {@code null}
 * @param buttons buttons under the note, where it is a message (a command's), not a button's passing answer
 */
public record StaffAction(String notice, CustomerDelivery delivery, List<Reply.Button> buttons) {

	public StaffAction {
		buttons = List.copyOf(buttons);
	}

	public StaffAction(String notice, CustomerDelivery delivery) {
		this(notice, delivery, List.of());
	}

	static StaffAction note(String notice) {
		return new StaffAction(notice, null);
	}
}
