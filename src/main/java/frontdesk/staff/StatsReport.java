package frontdesk.staff;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import frontdesk.conversation.ConversationFigures;
import frontdesk.rating.RatingFigures;
import frontdesk.stats.Stats;
import frontdesk.ticket.TicketFigures;
import frontdesk.text.Cut;

/**
 * The answer to {@code /stats}: the period's figures as a short text for the staff group.
 */
final class StatsReport {

	/** Days covered when {@code /stats} names none. */
	static final int DEFAULT_DAYS = 7;

	static final String USAGE = "Use /stats for the last 7 days, or /stats 30 for the last 30 (1 to 366 days).";

	private StatsReport() {
	}

	/**
	 * The days a {@code /stats} command asks for.
	 * @return the days, or -1 if the command does not make sense
	 */
	static int days(String command) {
		String[] words = command.strip().split("\\s+");
		if (words.length == 1) {
			return DEFAULT_DAYS;
		}
		try {
			return words.length == 2 ? Integer.parseInt(words[1]) : -1;
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	static String text(Stats stats) {
		ConversationFigures conversations = stats.conversations();
		TicketFigures tickets = stats.tickets();
		RatingFigures ratings = stats.ratings();
		StringBuilder text = new StringBuilder();
		text.append("Last ").append(stats.days()).append(stats.days() == 1 ? " day" : " days").append('\n');
		text.append("Conversations: ").append(conversations.conversations())
			.append(", answered by the bot alone: ").append(conversations.botOnly())
			.append(" (").append(percent(stats.botOnlyShare())).append(")\n");
		text.append("Requests for a person: ").append(tickets.total())
			.append(" (").append(tickets.inHours()).append(" in hours, ")
			.append(tickets.afterHours()).append(" after hours)\n");
		text.append("Promises kept: ").append(tickets.promisesKept()).append(" of ").append(tickets.promisesSettled());
		if (tickets.promisesSettled() > 0) {
			text.append(" (").append(percent(stats.promisesKeptShare())).append(')');
		}
		text.append('\n');
		text.append("Median first staff reply: ")
			.append(tickets.medianFirstResponse() == null ? "none yet" : duration(tickets.medianFirstResponse()));
		if (tickets.medianFirstResponse() != null
				&& !duration(tickets.medianOpenFirstResponse()).equals(duration(tickets.medianFirstResponse()))) {
			text.append(" (").append(duration(tickets.medianOpenFirstResponse())).append(" of opening hours)");
		}
		text.append('\n');
		text.append("Ratings: ").append(scores(ratings.all())).append('\n');
		if (ratings.all().count() > 0) {
			List<Integer> distribution = ratings.all().distribution();
			text.append("  ");
			for (int score = 5; score >= 1; score--) {
				text.append(score).append("★ ").append(distribution.get(score - 1)).append(score > 1 ? " · " : "\n");
			}
			text.append("  bot alone: ").append(scores(ratings.botOnly()))
				.append("; with staff: ").append(scores(ratings.withStaff())).append('\n');
		}
		text.append("Top questions the bot could not answer:");
		if (conversations.unanswered().isEmpty()) {
			text.append(" none");
		}
		int rank = 1;
		for (ConversationFigures.Unanswered question : conversations.unanswered()) {
			text.append('\n').append(rank++).append(". ").append(shorten(question.text()))
				.append(" (").append(question.times()).append(')');
		}
		return text.toString();
	}

	private static String scores(RatingFigures.Scores scores) {
		return scores.count() == 0 ? "none"
				: scores.count() + ", average " + String.format(Locale.ROOT, "%.1f", scores.average());
	}

	private static String percent(double share) {
		return Math.round(share * 100) + "%";
	}

	static String duration(Duration duration) {
		long minutes = duration.toMinutes();
		if (minutes < 1) {
			return duration.toSeconds() + " s";
		}
		if (minutes < 120) {
			return minutes + " min";
		}
		return minutes < 48 * 60 ? duration.toHours() + " h " + duration.toMinutesPart() + " min"
				: duration.toDays() + " days " + duration.toHoursPart() + " h";
	}

	private static String shorten(String text) {
		return Cut.shorten(text.replace('\n', ' '), 80);
	}
}
