package frontdesk.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import frontdesk.conversation.ConversationFigures;
import frontdesk.rating.RatingFigures;
import frontdesk.stats.Stats;
import frontdesk.ticket.TicketFigures;

import static org.assertj.core.api.Assertions.assertThat;

class StatsReportTest {

	@Test
	void readsThePeriodFromTheCommand() {
		assertThat(StatsReport.days("/stats")).isEqualTo(7);
		assertThat(StatsReport.days("/stats 30")).isEqualTo(30);
		assertThat(StatsReport.days("/stats@northwind_bot 30")).isEqualTo(30);
		assertThat(StatsReport.days("/stats month")).isEqualTo(-1);
		assertThat(StatsReport.days("/stats 30 days")).isEqualTo(-1);
	}

	@Test
	void showsEveryFigure() {
		Instant to = Instant.parse("2026-11-23T10:00:00Z");
		Stats stats = new Stats(7, to.minus(Duration.ofDays(7)), to,
				new ConversationFigures(40, 30,
						List.of(new ConversationFigures.Unanswered("do you sell gift cards", 4, "payment_methods"))),
				new TicketFigures(6, 4, 8, 6, 7, Duration.ofMinutes(14 * 60 + 5), Duration.ofMinutes(70)),
				new RatingFigures(new RatingFigures.Scores(4, 3.5, List.of(1, 0, 0, 2, 1)),
						new RatingFigures.Scores(3, 4.3, List.of(0, 0, 0, 2, 1)),
						new RatingFigures.Scores(1, 1.0, List.of(1, 0, 0, 0, 0))));

		assertThat(StatsReport.text(stats).split("\n")).containsExactly(
				"Last 7 days",
				"Conversations: 40, answered by the bot alone: 30 (75%)",
				"Requests for a person: 10 (6 in hours, 4 after hours)",
				"Promises kept: 6 of 8 (75%)",
				"Median first staff reply: 14 h 5 min (70 min of opening hours)",
				"Ratings: 4, average 3.5",
				"  5★ 1 · 4★ 2 · 3★ 0 · 2★ 0 · 1★ 1",
				"  bot alone: 3, average 4.3; with staff: 1, average 1.0",
				"Top questions the bot could not answer:",
				"1. do you sell gift cards (4)");
	}

	@Test
	void leavesOutTheOpeningHoursFigureWhereItIsTheSame() {
		Instant to = Instant.parse("2026-11-23T10:00:00Z");
		RatingFigures.Scores none = new RatingFigures.Scores(0, 0, List.of(0, 0, 0, 0, 0));
		Stats stats = new Stats(1, to.minus(Duration.ofDays(1)), to, new ConversationFigures(3, 0, List.of()),
				new TicketFigures(3, 0, 3, 3, 3, Duration.ofSeconds(14 * 60 + 5), Duration.ofSeconds(14 * 60 + 2)),
				new RatingFigures(none, none, none));

		assertThat(StatsReport.text(stats)).contains("Median first staff reply: 14 min\n");
	}

	@Test
	void saysSoWhenThereIsNothingYet() {
		Instant to = Instant.parse("2026-11-23T10:00:00Z");
		RatingFigures.Scores none = new RatingFigures.Scores(0, 0, List.of(0, 0, 0, 0, 0));
		Stats stats = new Stats(1, to.minus(Duration.ofDays(1)), to, new ConversationFigures(0, 0, List.of()),
				new TicketFigures(0, 0, 0, 0, 0, null, null), new RatingFigures(none, none, none));

		assertThat(StatsReport.text(stats)).contains("Last 1 day\n")
			.contains("Conversations: 0, answered by the bot alone: 0 (0%)")
			.contains("Promises kept: 0 of 0\n")
			.contains("Median first staff reply: none yet")
			.contains("Ratings: none\n")
			.endsWith("Top questions the bot could not answer: none");
	}

	@Test
	void writesDurationsTheWayPeopleSayThem() {
		assertThat(StatsReport.duration(Duration.ofSeconds(42))).isEqualTo("42 s");
		assertThat(StatsReport.duration(Duration.ofMinutes(95))).isEqualTo("95 min");
		assertThat(StatsReport.duration(Duration.ofMinutes(185))).isEqualTo("3 h 5 min");
		assertThat(StatsReport.duration(Duration.ofHours(75))).isEqualTo("3 days 3 h");
	}
}
