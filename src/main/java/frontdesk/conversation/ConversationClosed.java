package frontdesk.conversation;

import java.time.Instant;

/**
 * A conversation ended.
 *
 * @param conversationId the conversation
 * @param customerId the customer
 * @param reason why it ended
 * @param closedAt when
 */
public record ConversationClosed(Long conversationId, Long customerId, CloseReason reason, Instant closedAt) {
}
