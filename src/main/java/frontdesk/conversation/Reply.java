package frontdesk.conversation;

import java.util.List;

/**
 * A message from the bot to the customer, with its buttons.
 *
 * @param text the text
 * @param buttons buttons under it
 * @param oneRow whether the buttons sit side by side in one row (such as a 1 to 5 scale), rather than one per row
 */
public record Reply(String text, List<Button> buttons, boolean oneRow) {

	public Reply {
		buttons = List.copyOf(buttons);
	}

	/** A message with its buttons one per row. */
	public Reply(String text, List<Button> buttons) {
		this(text, buttons, false);
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
