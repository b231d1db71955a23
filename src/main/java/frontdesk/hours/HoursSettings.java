package frontdesk.hours;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Business hours settings, under {@code frontdesk.hours}. Every setting has a default: the
 * business is open Monday to Friday 09:00-17:30 and Saturday 10:00-14:00, London time, and
 * promises an answer within two hours of open time.
 *
 * @param zone the time zone the schedule is written in
 * @param weekly the open ranges by day, keyed {@code mon} to {@code sun} (or {@code monday}
 * to {@code sunday}), each range written {@code HH:mm-HH:mm}; a day that is absent is closed,
 * and when no day is given the default week applies
 * @param closedDates days on which the business is closed all day, such as holidays
 * @param responseTime how much open time may pass before a person answers a request
 * @param remindBefore how long before a promise is due the staff are reminded of it (at the opening it falls in, if that
 * is later)
 */
@ConfigurationProperties("frontdesk.hours")
@Validated
public record HoursSettings(ZoneId zone, Map<String, List<String>> weekly, List<LocalDate> closedDates,
		Duration responseTime, Duration remindBefore) {

	private static final String PREFIX = "frontdesk.hours.";

	private static final List<String> WORKDAY = List.of("09:00-17:30");

	private static final Map<String, List<String>> DEFAULT_WEEKLY = Map.of("mon", WORKDAY, "tue", WORKDAY,
			"wed", WORKDAY, "thu", WORKDAY, "fri", WORKDAY, "sat", List.of("10:00-14:00"));

	public HoursSettings {
		zone = (zone != null) ? zone : ZoneId.of("Europe/London");
		weekly = (weekly != null && !weekly.isEmpty()) ? Collections.unmodifiableMap(new LinkedHashMap<>(weekly))
				: DEFAULT_WEEKLY;
		closedDates = (closedDates != null) ? List.copyOf(closedDates) : List.of();
		responseTime = (responseTime != null) ? responseTime : Duration.ofHours(2);
		remindBefore = (remindBefore != null) ? remindBefore : Duration.ofMinutes(30);
		requirePositive(responseTime, "response-time");
		requirePositive(remindBefore, "remind-before");
		if (schedule(weekly).values().stream().allMatch(List::isEmpty)) {
			throw new IllegalArgumentException(PREFIX + "weekly has no open time on any day; "
					+ "give at least one day a range such as mon: [\"09:00-17:30\"]");
		}
	}

	/**
	 * Return the open ranges of each day of the week, in order; a closed day has none.
	 * @return the weekly schedule
	 */
	Map<DayOfWeek, List<TimeRange>> schedule() {
		return schedule(this.weekly);
	}

	private static Map<DayOfWeek, List<TimeRange>> schedule(Map<String, List<String>> weekly) {
		Map<DayOfWeek, List<TimeRange>> schedule = new EnumMap<>(DayOfWeek.class);
		weekly.forEach((key, ranges) -> {
			DayOfWeek day = dayOf(key);
			if (schedule.containsKey(day)) {
				throw new IllegalArgumentException(PREFIX + "weekly." + key + ": "
						+ day.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " is given more than once");
			}
			schedule.put(day, ranges(key, (ranges != null) ? ranges : List.of()));
		});
		for (DayOfWeek day : DayOfWeek.values()) {
			schedule.putIfAbsent(day, List.of());
		}
		return schedule;
	}

	private static DayOfWeek dayOf(String key) {
		String name = key.strip().toLowerCase(Locale.ROOT);
		for (DayOfWeek day : DayOfWeek.values()) {
			String fullName = day.name().toLowerCase(Locale.ROOT);
			if (name.equals(fullName) || name.equals(fullName.substring(0, 3))) {
				return day;
			}
		}
		throw new IllegalArgumentException(PREFIX + "weekly." + key + ": '" + key
				+ "' is not a day of the week; use mon, tue, wed, thu, fri, sat, sun or the full day names");
	}

	private static List<TimeRange> ranges(String key, List<String> texts) {
		List<TimeRange> ranges = new ArrayList<>();
		for (String text : texts) {
			try {
				ranges.add(TimeRange.parse(text));
			}
			catch (IllegalArgumentException ex) {
				// without the cause, whose message Spring Boot would report instead, not naming the setting
				throw new IllegalArgumentException(PREFIX + "weekly." + key + ": " + ex.getMessage());
			}
		}
		ranges.sort(Comparator.comparing(TimeRange::start));
		for (int i = 1; i < ranges.size(); i++) {
			if (ranges.get(i - 1).overlaps(ranges.get(i))) {
				throw new IllegalArgumentException(PREFIX + "weekly." + key + ": ranges " + ranges.get(i - 1)
						+ " and " + ranges.get(i) + " overlap");
			}
		}
		return List.copyOf(ranges);
	}

	private static void requirePositive(Duration duration, String property) {
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(
					PREFIX + property + " must be a positive duration, such as PT2H, but was " + duration);
		}
	}

}
