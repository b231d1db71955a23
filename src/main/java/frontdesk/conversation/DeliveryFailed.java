package frontdesk.conversation;

import java.time.Instant;

/**
 * A message for a customer (a staff member's reply, the bot's answer) could not be delivered on their channel, and
 * will not be: the staff should know, so that it is not lost unnoticed.
 *
 * @param customerId the customer
 * @param text what the message said (an attachment's caption), or {@code null} if the channel did not keep it
 * @param attachment whether it was an attachment (a photo, a document, a voice message) rather than a text
 * @param reason why, as the channel said
 * @param at when the channel gave up
 */
public record DeliveryFailed(Long customerId, String text, boolean attachment, String reason, Instant at) {
}
