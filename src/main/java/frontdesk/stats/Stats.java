package frontdesk.stats;

import java.time.Instant;

import frontdesk.conversation.ConversationFigures;
import frontdesk.rating.RatingFigures;
import frontdesk.ticket.TicketFigures;

/**
 * The figures of a period, from what is stored (nothing is counted in memory, so a restart loses nothing).
 *
 * @param days how many days the period covers
 * @param from its start
 * @param to its end (now, when asked)
 * @param conversations the conversations, with the questions the bot could not answer
 * @param tickets the requests for a person and the promises
 * @param ratings the ratings
 */
public record Stats(int days, Instant from, Instant to, ConversationFigures conversations, TicketFigures tickets,
		RatingFigures ratings) {

	/** The share of conversations the bot handled alone, from 0 to 1 (0 with no conversations). */
	public double botOnlyShare() {
		return conversations.conversations() == 0 ? 0 : (double) conversations.botOnly() / conversations.conversations();
	}

	/** The share of settled promises that were kept, from 0 to 1 (0 with none settled). */
	public double promisesKeptShare() {
		return tickets.promisesSettled() == 0 ? 0 : (double) tickets.promisesKept() / tickets.promisesSettled();
	}
}
