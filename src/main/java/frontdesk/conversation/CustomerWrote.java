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
 * @param channelMessageId the channel's id of the message, so media can be copied
 * @param at when
 */
public record CustomerWrote(Long conversationId, Long customerId, Long ticketId, String text, String media,
		String channelMessageId, Instant at) {
}
