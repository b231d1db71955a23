package frontdesk.conversation;

import java.util.List;

/**
 * What the bot does about one inbound message.
 *
 * @param replies messages to send, in order
 * @param notice a short note shown to the customer who pressed a button (e.g. that it has expired), or {@code null}
 */
public record Response(List<Reply> replies, String notice) {

	public Response {
		replies = List.copyOf(replies);
	}
}
