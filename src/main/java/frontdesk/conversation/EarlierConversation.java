package frontdesk.conversation;

import java.time.Instant;

/**
 * Another conversation of the same customer, in short, for the staff to see who they are talking to.
 *
 * @param id the conversation's id
 * @param openedAt when it opened
 * @param closedAt when it closed, or {@code null} while open
 * @param firstWords what the customer first wrote in it other than a command or a button, or {@code null}
 */
public record EarlierConversation(Long id, Instant openedAt, Instant closedAt, String firstWords) {
}
