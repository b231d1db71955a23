package frontdesk.console;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import frontdesk.conversation.ConversationFigures;
import frontdesk.conversation.ConversationService;
import frontdesk.hours.BusinessHours;
import frontdesk.intent.Intent;
import frontdesk.intent.IntentCatalog;
import frontdesk.rating.DailyRating;
import frontdesk.rating.Ratings;
import frontdesk.stats.Statistics;
import frontdesk.stats.Stats;
import frontdesk.ticket.PromiseWeek;
import frontdesk.ticket.TicketFigures;
import frontdesk.ticket.Tickets;

import org.springframework.stereotype.Component;

/**
 * The reports page's figures and chart series, from the stored data: ratings day by day, the 1–5 distribution,
 * promises week by week, and the questions the bot could not answer.
 */
@Component
class Reports {

	/** The period of the figures and of the ratings charts. */
	static final int DAYS = 30;

	/** Weeks in the promises chart. */
	static final int WEEKS = 12;

	/** Unanswered questions listed, at most. */
	static final int UNANSWERED = 50;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

	private final Statistics statistics;

	private final Ratings ratings;

	private final Tickets tickets;

	private final ConversationService conversations;

	private final IntentCatalog catalog;

	private final BusinessHours hours;

	private final Clock clock;

	Reports(Statistics statistics, Ratings ratings, Tickets tickets, ConversationService conversations,
			IntentCatalog catalog, BusinessHours hours, Clock clock) {
		this.statistics = statistics;
		this.ratings = ratings;
		this.tickets = tickets;
		this.conversations = conversations;
		this.catalog = catalog;
		this.hours = hours;
		this.clock = clock;
	}

	/** A figure on the page: a name, a value and a line under it. */
	record Figure(String name, String value, String detail) {
	}

	/** The median first response counting opening hours only, where that reads otherwise. */
	private static String openTime(TicketFigures tickets) {
		String open = tickets.medianOpenFirstResponse() == null ? null : Format.duration(tickets.medianOpenFirstResponse());
		return open == null || open.equals(Format.duration(tickets.medianFirstResponse())) ? ""
				: "; " + open + " of opening hours";
	}

	/** The page's figures for the last {@link #DAYS} days. */
	List<Figure> figures() {
		// the same days as the charts: calendar days in the business's time zone
		Stats stats = statistics.calendarDays(DAYS, hours.zone());
		long conversationCount = stats.conversations().conversations();
		int settled = stats.tickets().promisesSettled();
		Duration median = stats.tickets().medianFirstResponse();
		int rated = stats.ratings().all().count();
		return List.of(new Figure("Conversations", String.valueOf(conversationCount), "in the last " + DAYS + " days"),
				new Figure("Answered by the bot alone",
						conversationCount == 0 ? "–" : Format.percent(stats.botOnlyShare()),
						stats.conversations().botOnly() + " answered, with no request for a person"),
				new Figure("Promises kept", settled == 0 ? "–" : Format.percent(stats.promisesKeptShare()),
						stats.tickets().promisesKept() + " of " + settled + " settled; " + stats.tickets().total()
								+ " requests"),
				new Figure("Median first response", median == null ? "–" : Format.duration(median),
						stats.tickets().firstResponses() + " answered by a person" + openTime(stats.tickets())),
				new Figure("Rating", rated == 0 ? "–" : "%.1f".formatted(stats.ratings().all().average()),
						Format.count(rated, "rating")));
	}

	/**
	 * The chart series.
	 *
	 * @param days the last {@link #DAYS} days, as "3 Nov"
	 * @param averages the ratings average of each day, {@code null} on a day with none
	 * @param counts how many ratings each day
	 * @param distribution how many ratings of 1 to 5 in the period
	 * @param weeks the Mondays of the last {@link #WEEKS} weeks, as "3 Nov"
	 * @param kept promises kept each week
	 * @param missed promises missed each week
	 */
	record Charts(List<String> days, List<Double> averages, List<Integer> counts, List<Integer> distribution,
			List<String> weeks, List<Integer> kept, List<Integer> missed) {
	}

	Charts charts() {
		ZoneId zone = hours.zone();
		Instant now = clock.instant();
		LocalDate today = now.atZone(zone).toLocalDate();
		LocalDate firstDay = firstDay(now);
		Instant from = firstDay.atStartOfDay(zone).toInstant();
		Map<LocalDate, DailyRating> daily = ratings.perDay(from, now, zone)
			.stream()
			.collect(Collectors.toMap(DailyRating::day, Function.identity()));
		List<String> days = new ArrayList<>();
		List<Double> averages = new ArrayList<>();
		List<Integer> counts = new ArrayList<>();
		for (LocalDate day = firstDay; !day.isAfter(today); day = day.plusDays(1)) {
			DailyRating rating = daily.get(day);
			days.add(DAY.format(day));
			averages.add(rating == null ? null : Math.round(rating.average() * 100) / 100.0);
			counts.add(rating == null ? 0 : rating.count());
		}
		List<Integer> distribution = ratings.figures(from, now).all().distribution();

		LocalDate thisWeek = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate firstWeek = thisWeek.minusWeeks(WEEKS - 1);
		Map<LocalDate, PromiseWeek> promised = tickets
			.promisesPerWeek(firstWeek.atStartOfDay(zone).toInstant(), now, zone)
			.stream()
			.collect(Collectors.toMap(PromiseWeek::weekOf, Function.identity()));
		List<String> weeks = new ArrayList<>();
		List<Integer> kept = new ArrayList<>();
		List<Integer> missed = new ArrayList<>();
		for (LocalDate week = firstWeek; !week.isAfter(thisWeek); week = week.plusWeeks(1)) {
			PromiseWeek promises = promised.get(week);
			weeks.add(DAY.format(week));
			kept.add(promises == null ? 0 : promises.kept());
			missed.add(promises == null ? 0 : promises.settled() - promises.kept());
		}
		return new Charts(days, averages, counts, distribution, weeks, kept, missed);
	}

	/** A question the bot could not answer, with the intent it thought likeliest (or {@code null}). */
	record Question(String text, long times, String bestGuess) {
	}

	/**
	 * The questions the bot could not answer in the period, most asked first; those that are an intent's example by
	 * now are left out.
	 */
	List<Question> unanswered() {
		Instant now = clock.instant();
		// the same days as the figures and the charts
		Instant from = firstDay(now).atStartOfDay(hours.zone()).toInstant();
		Set<String> known = catalog.current()
			.intents()
			.stream()
			.flatMap(intent -> intent.examples().stream())
			.map(ConversationFigures.Unanswered::asAsked)
			.collect(Collectors.toSet());
		// each example can stand for one of the questions: that many more are fetched, so that the list stays full
		// as staff add the questions they work through
		ConversationFigures figures = conversations.figures(from, now, UNANSWERED + known.size());
		return figures.unanswered()
			.stream()
			.filter(question -> !known.contains(question.text()))
			.limit(UNANSWERED)
			.map(question -> new Question(question.text(), question.times(), question.bestGuess()))
			.toList();
	}

	/** The first of the last {@link #DAYS} calendar days in the business's time zone, today included. */
	private LocalDate firstDay(Instant now) {
		return now.atZone(hours.zone()).toLocalDate().minusDays(DAYS - 1);
	}

	/** An intent to offer in the list: its id and the label of its button. */
	record IntentChoice(String id, String label) {
	}

	/** The intents in force, by id. */
	List<IntentChoice> intents() {
		return catalog.current()
			.intents()
			.stream()
			.map(intent -> new IntentChoice(intent.id(), intent.action() == Intent.Action.FALLBACK
					? intent.id() + " (out of scope)" : intent.id() + " · " + intent.label()))
			.sorted((a, b) -> a.id().compareTo(b.id()))
			.toList();
	}
}
