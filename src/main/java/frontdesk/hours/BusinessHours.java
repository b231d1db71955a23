package frontdesk.hours;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.springframework.util.Assert;

/**
 * The weekly opening hours of the business, in its time zone, with the dates it is closed.
 * Answers whether the business is open at a moment, when it opens next and when a given
 * amount of open time will have passed, and describes all of that in words for customers.
 * <p>
 * Ranges are wall-clock times in the zone. On the day the clocks go forward, a range that
 * runs through the skipped hour is shorter by that hour, and a range that starts in it opens
 * when the clocks go forward; on the day they go back, a range that runs through the repeated
 * hour is longer by it.
 * <p>
 * Answers are searched for up to two years ahead; a schedule whose open days are all closed
 * dates for that long fails with an {@link IllegalStateException}.
 */
public final class BusinessHours {

	private static final Period SEARCH_WINDOW = Period.ofYears(2);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE", Locale.ENGLISH);

	private static final DateTimeFormatter DAY_AND_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

	/** The day and date of each language, as its full date without the year: "Montag, 14. Dezember". */
	private static final Map<Locale, DateTimeFormatter> DAYS_AND_DATES = new ConcurrentHashMap<>();

	private final ZoneId zone;

	private final Map<DayOfWeek, List<TimeRange>> weekly;

	private final Set<LocalDate> closedDates;

	private BusinessHours(ZoneId zone, Map<DayOfWeek, List<TimeRange>> weekly, Set<LocalDate> closedDates) {
		this.zone = zone;
		this.weekly = weekly;
		this.closedDates = closedDates;
	}

	/**
	 * Create the business hours described by the given settings.
	 * @param settings the settings
	 * @return the business hours
	 */
	public static BusinessHours of(HoursSettings settings) {
		return new BusinessHours(settings.zone(), settings.schedule(), Set.copyOf(settings.closedDates()));
	}

	/**
	 * Return the time zone the hours are kept in.
	 * @return the zone
	 */
	public ZoneId zone() {
		return this.zone;
	}

	/**
	 * Whether the business is open at the given moment.
	 * @param moment the moment
	 * @return {@code true} if the moment lies in an open range on a day that is not closed
	 */
	public boolean isOpen(Instant moment) {
		return openPeriodsOn(localDate(moment)).anyMatch((period) -> period.contains(moment));
	}

	/**
	 * Return the next moment the business opens after the given one. When it is closed at
	 * that moment, this is the start of the next open range. When it is open, it is the start
	 * of the first open range after the current one closes; ranges that follow on without a
	 * break, such as {@code 00:00-24:00} on two days in a row, count as one.
	 * @param moment the moment to search from
	 * @return the next opening, strictly after the moment
	 * @throws IllegalStateException if the business does not open within two years
	 */
	public Instant nextOpening(Instant moment) {
		Instant openUntil = moment;
		for (Iterator<OpenPeriod> periods = openPeriodsFrom(moment).iterator(); periods.hasNext();) {
			OpenPeriod period = periods.next();
			if (period.start().isAfter(openUntil)) {
				return period.start();
			}
			openUntil = period.end();
		}
		throw noOpening(moment);
	}

	/**
	 * Return the moment by which the given amount of open time has passed after the given
	 * one. Closed time does not count: when the business is closed at {@code from}, counting
	 * starts at the next opening, and time left at closing carries over to the next open range.
	 * @param from the moment to count from, such as when a customer asked for a person
	 * @param openTime how much open time must pass
	 * @return the moment the open time has passed, possibly a closing time
	 * @throws IllegalStateException if that much open time does not pass within two years
	 */
	public Instant plusOpenTime(Instant from, Duration openTime) {
		Assert.isTrue(!openTime.isNegative(), () -> "Open time must not be negative, but was " + openTime);
		Duration remaining = openTime;
		for (Iterator<OpenPeriod> periods = openPeriodsFrom(from).iterator(); periods.hasNext();) {
			OpenPeriod period = periods.next();
			if (remaining.compareTo(period.length()) <= 0) {
				return period.start().plus(remaining);
			}
			remaining = remaining.minus(period.length());
		}
		throw noOpening(from);
	}

	/**
	 * Return how much of the time between two moments the business was open: how long a customer waited, counted as
	 * the promise counts it.
	 * @param from the start, such as when a customer asked for a person
	 * @param to the end, such as the first staff reply
	 * @return the open time between them; zero when {@code to} is not after {@code from}
	 */
	public Duration openTimeBetween(Instant from, Instant to) {
		return openPeriodsFrom(from).takeWhile((period) -> period.start().isBefore(to))
			.map((period) -> Duration.between(period.start(), period.end().isAfter(to) ? to : period.end()))
			.reduce(Duration.ZERO, Duration::plus);
	}

	/**
	 * Whether the business is open at the given moment, in an opening that lasts at least the given time from when
	 * it opened to when it closes. Ranges that follow on without a break count as one opening, as a night shift
	 * past midnight does.
	 * @param moment the moment
	 * @param length the time the opening must last
	 * @return {@code true} if the opening around the moment is that long or longer
	 */
	public boolean openingLasts(Instant moment, Duration length) {
		LocalDate date = localDate(moment);
		long days = length.toDays() + 1;
		Instant start = null;
		Instant end = null;
		for (Iterator<OpenPeriod> periods = Stream
			.iterate(date.minusDays(days), (day) -> !day.isAfter(date.plusDays(days)), (day) -> day.plusDays(1))
			.flatMap(this::openPeriodsOn)
			.iterator(); periods.hasNext();) {
			OpenPeriod period = periods.next();
			if (end != null && !period.start().isAfter(end)) {
				end = period.end();
			}
			else if (end != null && !moment.isBefore(start) && moment.isBefore(end)) {
				break;
			}
			else {
				start = period.start();
				end = period.end();
			}
		}
		return start != null && !moment.isBefore(start) && moment.isBefore(end)
				&& Duration.between(start, end).compareTo(length) >= 0;
	}

	/**
	 * Describe the weekly schedule for customers, with days in a row that keep the same hours
	 * taken together, such as "Monday to Friday 09:00–17:30, Saturday 10:00–14:00; closed on
	 * Sunday". Closed dates are not part of the weekly schedule.
	 * @param wording the language to describe it in
	 * @return the schedule in words
	 */
	public String describeWeek(ScheduleWording wording) {
		List<String> open = new ArrayList<>();
		List<String> closed = new ArrayList<>();
		int first = DayOfWeek.MONDAY.getValue();
		while (first <= DayOfWeek.SUNDAY.getValue()) {
			List<TimeRange> ranges = this.weekly.get(DayOfWeek.of(first));
			int last = first;
			while (last < DayOfWeek.SUNDAY.getValue() && this.weekly.get(DayOfWeek.of(last + 1)).equals(ranges)) {
				last++;
			}
			List<String> days = dayNames(DayOfWeek.of(first), DayOfWeek.of(last), wording);
			if (ranges.isEmpty()) {
				closed.addAll(days);
			}
			else {
				open.add(join(days, wording) + " " + describeRanges(ranges, wording));
			}
			first = last + 1;
		}
		String description = String.join(", ", open);
		return closed.isEmpty() ? description : description + "; " + wording.closed(join(closed, wording));
	}

	/**
	 * Describe a moment for customers as the day and local time, such as "Monday 11:00". When
	 * the moment is more than six days after {@code now}, the date is included as well, such
	 * as "Friday 2 January 09:00".
	 * @param moment the moment to describe, such as a promise
	 * @param now the moment the description is read
	 * @return the moment in words
	 */
	public String describe(Instant moment, Instant now) {
		return describe(moment, now, ScheduleWording.ENGLISH);
	}

	/**
	 * Describe a moment as {@link #describe(Instant, Instant)} does, in the given wording: the names of days and
	 * months in its language, and its words for today and tomorrow if it has them.
	 */
	public String describe(Instant moment, Instant now, ScheduleWording wording) {
		return describeDay(moment, now, wording) + " " + describeTime(moment);
	}

	/**
	 * The day of {@link #describe(Instant, Instant, ScheduleWording)}: "Monday", or "Friday 2 January" more than six
	 * days ahead; "today" or "tomorrow" when the wording has words for them.
	 */
	public String describeDay(Instant moment, Instant now, ScheduleWording wording) {
		LocalDate day = localDate(moment);
		long ahead = ChronoUnit.DAYS.between(localDate(now), day);
		if (ahead == 0 && wording.today() != null) {
			return wording.today();
		}
		if (ahead == 1 && wording.tomorrow() != null) {
			return wording.tomorrow();
		}
		return ((ahead > 6) ? dayAndDate(wording.locale()) : DAY.withLocale(wording.locale())).format(day);
	}

	/**
	 * The day and date in the language's own order and marks, as its full date without the year; plain English keeps
	 * "Friday 2 January".
	 */
	static DateTimeFormatter dayAndDate(Locale locale) {
		if (locale.equals(Locale.ENGLISH)) {
			return DAY_AND_DATE;
		}
		return DAYS_AND_DATES.computeIfAbsent(locale, (language) -> DateTimeFormatter.ofPattern(withoutYear(
				DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.FULL, null, IsoChronology.INSTANCE,
						language)), language));
	}

	/**
	 * A date pattern without its year, its era and the marks that go with them: "EEEE, d. MMMM y" becomes
	 * "EEEE, d. MMMM", "y年M月d日EEEE" becomes "M月d日EEEE".
	 */
	static String withoutYear(String pattern) {
		// the pattern in pieces: runs of one letter (fields), and the text between them (quoted text included)
		List<String> pieces = new ArrayList<>();
		int i = 0;
		while (i < pattern.length()) {
			int start = i;
			char first = pattern.charAt(i);
			if (isField(first)) {
				while (i < pattern.length() && pattern.charAt(i) == first) {
					i++;
				}
			}
			else {
				while (i < pattern.length() && !isField(pattern.charAt(i))) {
					if (pattern.charAt(i++) == '\'') {
						int close = pattern.indexOf('\'', i);
						i = (close < 0) ? pattern.length() : close + 1;
					}
				}
			}
			pieces.add(pattern.substring(start, i));
		}
		// the year, and the era that goes with it ("G y" in Thai), each with the text that joins it to the rest
		int year = lastYearOrEra(pieces);
		while (year >= 0) {
			boolean fieldsAfter = pieces.subList(year + 1, pieces.size())
				.stream()
				.anyMatch((piece) -> isField(piece.charAt(0)));
			if (fieldsAfter) {
				// the field and what follows it up to the next field: "y年" of "y年M月d日"
				pieces.subList(year, Math.min(year + 2, pieces.size())).clear();
			}
			else {
				// what comes between the last other field and it, it, and what follows: " 'de' y" of "MMMM 'de' y"
				boolean textBefore = year > 0 && !isField(pieces.get(year - 1).charAt(0));
				pieces.subList(textBefore ? year - 1 : year, pieces.size()).clear();
			}
			year = lastYearOrEra(pieces);
		}
		return String.join("", pieces);
	}

	private static int lastYearOrEra(List<String> pieces) {
		for (int p = pieces.size() - 1; p >= 0; p--) {
			if ("yuYG".indexOf(pieces.get(p).charAt(0)) >= 0) {
				return p;
			}
		}
		return -1;
	}

	/** Whether a letter of a date pattern stands for a field (only A to Z and a to z do). */
	private static boolean isField(char letter) {
		return (letter >= 'A' && letter <= 'Z') || (letter >= 'a' && letter <= 'z');
	}

	/** The local time of a moment, such as "09:00". */
	public String describeTime(Instant moment) {
		return TIME.format(moment.atZone(this.zone));
	}

	private Stream<OpenPeriod> openPeriodsFrom(Instant moment) {
		LocalDate first = localDate(moment);
		LocalDate end = first.plus(SEARCH_WINDOW);
		return Stream.iterate(first, (date) -> date.isBefore(end), (date) -> date.plusDays(1))
			.flatMap(this::openPeriodsOn)
			.filter((period) -> period.end().isAfter(moment))
			.map((period) -> period.start().isBefore(moment) ? new OpenPeriod(moment, period.end()) : period);
	}

	private Stream<OpenPeriod> openPeriodsOn(LocalDate date) {
		if (this.closedDates.contains(date)) {
			return Stream.empty();
		}
		return this.weekly.get(date.getDayOfWeek())
			.stream()
			.map((range) -> new OpenPeriod(instant(date.atTime(range.start())), instant(range.endsAtMidnight()
					? date.plusDays(1).atStartOfDay() : date.atTime(range.end()))))
			.filter((period) -> period.start().isBefore(period.end()));
	}

	/**
	 * Return the instant a wall clock in the zone shows the given time. A time the clocks
	 * skip is taken as the moment they go forward; a time they show twice, as the first.
	 */
	private Instant instant(LocalDateTime local) {
		ZoneOffsetTransition transition = this.zone.getRules().getTransition(local);
		if (transition != null && transition.isGap()) {
			return transition.getInstant();
		}
		return local.atZone(this.zone).toInstant();
	}

	private LocalDate localDate(Instant moment) {
		return LocalDate.ofInstant(moment, this.zone);
	}

	private IllegalStateException noOpening(Instant moment) {
		return new IllegalStateException("The business does not open within two years after "
				+ moment.atZone(this.zone) + "; check frontdesk.hours.weekly and frontdesk.hours.closed-dates");
	}

	/**
	 * Name the days from first to last: one name for three days or more, such as "Monday to
	 * Friday", otherwise each day's name.
	 */
	private static List<String> dayNames(DayOfWeek first, DayOfWeek last, ScheduleWording wording) {
		Locale locale = wording.locale();
		if (last.getValue() - first.getValue() >= 2) {
			return List.of(wording.dayRun(dayName(first, locale), dayName(last, locale)));
		}
		return Stream.of(first, last).distinct().map((day) -> dayName(day, locale)).toList();
	}

	private static String dayName(DayOfWeek day, Locale locale) {
		return day.getDisplayName(TextStyle.FULL, locale);
	}

	private static String describeRanges(List<TimeRange> ranges, ScheduleWording wording) {
		if (ranges.size() == 1 && ranges.get(0).isAllDay()) {
			return wording.allDay();
		}
		return join(ranges.stream().map(BusinessHours::describeRange).toList(), wording);
	}

	private static String describeRange(TimeRange range) {
		return TIME.format(range.start()) + "–" + (range.endsAtMidnight() ? "24:00" : TIME.format(range.end()));
	}

	private static String join(List<String> items, ScheduleWording wording) {
		if (items.size() == 1) {
			return items.get(0);
		}
		return String.join(", ", items.subList(0, items.size() - 1)) + " " + wording.and() + " "
				+ items.get(items.size() - 1);
	}

	private record OpenPeriod(Instant start, Instant end) {

		boolean contains(Instant moment) {
			return !moment.isBefore(this.start) && moment.isBefore(this.end);
		}

		Duration length() {
			return Duration.between(this.start, this.end);
		}

	}

}
