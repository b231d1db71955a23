package frontdesk.conversation;

import java.time.Instant;

/**
 * A customer wrote in a conversation that has a request for a person, so the staff should see it.
 *
 * @param conversationId the conversation
 * @param customerId the customer
 * @param ticketId the request
 * @param text the message as the transcript shows it (media as {@code [photo]}, followed by any caption)
 * @param media the kind of media, such as {@code photo}, or {@code null} for a text
 * @param channelMessageId the channel's id of the message, so it can be paired with its copy for the staff
 * @param replyTo the channel's id of the message it replies to, or {@code null}
 * @param edited whether the customer changed an earlier message (the one with {@code channelMessageId})
 * @param answered what the bot answered from its intents (a question it understands while the customer waits), or
 * {@code null}: the staff should see that too, so as not to say it again
 * @param at when
 */
public record CustomerWrote(Long conversationId, Long customerId, Long ticketId, String text, String media,
		String channelMessageId, String replyTo, boolean edited, String answered, Instant at) {
}
