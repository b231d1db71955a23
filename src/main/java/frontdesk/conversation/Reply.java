package frontdesk.conversation;

import java.util.List;

/**
 * A message from the bot to the customer, with its buttons.
 *
 * @param text the text
 * @param buttons buttons under it, one per row
 */
public record Reply(String text, List<Button> buttons) {

	public Reply {
		buttons = List.copyOf(buttons);
	}

	public static Reply of(String text, Button... buttons) {
		return new Reply(text, List.of(buttons));
	}

	/**
	 * A button under a reply: pressing it sends its data back.
	 *
	 * @param label what the button says
	 * @param data what a press sends back (at most 64 bytes)
	 */
	public record Button(String label, String data) {
	}
}
