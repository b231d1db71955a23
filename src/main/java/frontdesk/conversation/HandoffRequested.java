package frontdesk.conversation;

import java.time.Instant;

/**
 * A customer asked to talk to a person.
 *
 * @param conversationId the conversation
 * @param customerId the customer
 * @param ticketId the ticket of the request
 * @param requestedAt when they asked
 */
public record HandoffRequested(Long conversationId, Long customerId, Long ticketId, Instant requestedAt) {
}
