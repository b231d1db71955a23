package frontdesk.conversation;

import java.util.List;

/**
 * What the bot does about one inbound message.
 *
 * @param replies messages to send, in order
 * @param notice a short note shown to the customer who pressed a button (e.g. that it has expired), or {@code null}
 * @param edit what the message whose button was pressed now says (e.g. the rating chosen, without the buttons), or
 * {@code null} to leave it
 */
public record Response(List<Reply> replies, String notice, Reply edit) {

	public Response {
		replies = List.copyOf(replies);
	}

	public Response(List<Reply> replies, String notice) {
		this(replies, notice, null);
	}
}
