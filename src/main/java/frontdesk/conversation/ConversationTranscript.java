package frontdesk.conversation;

import java.time.Instant;
import java.util.List;

/**
 * A whole conversation, for people to read: who the customer is, when it opened and closed, and every message with
 * what the bot made of it.
 *
 * @param id the conversation's id
 * @param customerId the customer's id
 * @param customer who the customer is, as their channel told
 * @param state {@code WITH_BOT}, {@code WAITING_FOR_PERSON}, {@code WITH_PERSON} or {@code CLOSED}
 * @param openedAt when it opened
 * @param closedAt when it closed, or {@code null} while open
 * @param closeReason why it closed, or {@code null} while open
 * @param lines the messages, oldest first
 */
public record ConversationTranscript(Long id, Long customerId, CustomerProfile customer, String state,
		Instant openedAt, Instant closedAt, CloseReason closeReason, List<Line> lines) {

	public ConversationTranscript {
		lines = List.copyOf(lines);
	}

	/**
	 * One message.
	 *
	 * @param author {@code CUSTOMER}, {@code BOT} or {@code STAFF}
	 * @param staffName who of the staff wrote it, for a staff message when known; {@code null} otherwise
	 * @param text the text
	 * @param outcome for a customer message, what the bot made of it ({@code ANSWERED}, {@code AMBIGUOUS},
	 * {@code UNKNOWN}, {@code COMMAND}, {@code UNSUPPORTED}, {@code FEEDBACK}); {@code null} otherwise or when not
	 * recorded
	 * @param intentId the intent the bot matched or thought likeliest (customer messages), or that produced the answer
	 * (bot messages); may be {@code null}
	 * @param confidence how sure the bot was of that intent, from 0 to 1; may be {@code null}
	 * @param ticketId the request for a person the message belongs to, or {@code null}
	 * @param at when it was written
	 */
	public record Line(String author, String staffName, String text, String outcome, String intentId,
			Double confidence, Long ticketId, Instant at) {
	}
}
