package frontdesk.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import frontdesk.conversation.ConversationService;
import frontdesk.rating.Ratings;
import frontdesk.ticket.Tickets;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures the staff look at: conversations, how many the bot handled alone, requests for a person in and after
 * hours, promises kept, time to the first staff reply, ratings, and what the bot could not answer.
 */
@Service
public class Statistics {

	/** Longest period asked for, in days. */
	public static final int MAX_DAYS = 366;

	/** Questions the bot could not answer listed, at most. */
	static final int UNANSWERED = 10;

	private final ConversationService conversations;

	private final Tickets tickets;

	private final Ratings ratings;

	private final Clock clock;

	Statistics(ConversationService conversations, Tickets tickets, Ratings ratings, Clock clock) {
		this.conversations = conversations;
		this.tickets = tickets;
		this.ratings = ratings;
		this.clock = clock;
	}

	/**
	 * The figures of the last days, up to now.
	 * @throws IllegalArgumentException for fewer than 1 or more than {@link #MAX_DAYS} days
	 */
	@Transactional(readOnly = true)
	public Stats lastDays(int days) {
		Instant to = clock.instant();
		return between(days, to.minus(Duration.ofDays(days)), to);
	}

	/**
	 * The figures of the last calendar days in a time zone, today included: from midnight {@code days - 1} days ago
	 * up to now, as a chart of those days shows them.
	 * @throws IllegalArgumentException for fewer than 1 or more than {@link #MAX_DAYS} days
	 */
	@Transactional(readOnly = true)
	public Stats calendarDays(int days, ZoneId zone) {
		Instant to = clock.instant();
		Instant from = to.atZone(zone).toLocalDate().minusDays(days - 1).atStartOfDay(zone).toInstant();
		return between(days, from, to);
	}

	private Stats between(int days, Instant from, Instant to) {
		if (days < 1 || days > MAX_DAYS) {
			throw new IllegalArgumentException("The period is 1 to " + MAX_DAYS + " days, not " + days);
		}
		return new Stats(days, from, to, conversations.figures(from, to, UNANSWERED), tickets.figures(from, to),
				ratings.figures(from, to));
	}
}
