package frontdesk.hours;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * A range of wall-clock time within one day, such as {@code 09:00-17:30}. The start is
 * included, the end is not. An end of {@code 00:00} stands for midnight at the end of the
 * day and is written {@code 24:00}, so {@code 00:00-24:00} is the whole day.
 *
 * @param start the time the range starts
 * @param end the time the range ends, {@link LocalTime#MIDNIGHT} for the end of the day
 */
public record TimeRange(LocalTime start, LocalTime end) {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final String END_OF_DAY = "24:00";

	public TimeRange {
		if (start == null || end == null) {
			throw new IllegalArgumentException("A time range needs a start and an end");
		}
		if (!end.equals(LocalTime.MIDNIGHT) && !start.isBefore(end)) {
			throw new IllegalArgumentException(
					"Time range " + format(start) + "-" + format(end) + " must end after it starts");
		}
	}

	/**
	 * Parse a range written as {@code HH:mm-HH:mm}, where the end may be {@code 24:00}.
	 * @param text the range, such as {@code 09:00-17:30}
	 * @return the range
	 * @throws IllegalArgumentException if the text is not a range of one day that ends after
	 * it starts
	 */
	public static TimeRange parse(String text) {
		String[] times = (text != null) ? text.split("-", -1) : new String[0];
		if (times.length != 2) {
			throw new IllegalArgumentException(
					"'" + text + "' is not a time range; write it as HH:mm-HH:mm, such as 09:00-17:30");
		}
		if (times[0].strip().equals(END_OF_DAY)) {
			throw new IllegalArgumentException("'" + text + "' starts at 24:00, which can only end a range; a range "
					+ "from midnight starts at 00:00");
		}
		LocalTime start = parseTime(text, times[0].strip());
		String endText = times[1].strip();
		if (endText.equals(END_OF_DAY)) {
			return new TimeRange(start, LocalTime.MIDNIGHT);
		}
		LocalTime end = parseTime(text, endText);
		if (end.equals(LocalTime.MIDNIGHT)) {
			throw new IllegalArgumentException(
					"'" + text + "' ends at 00:00; write 24:00 for a range that runs until midnight");
		}
		if (end.equals(start)) {
			throw new IllegalArgumentException("'" + text + "' is empty: it starts and ends at the same time");
		}
		if (end.isBefore(start)) {
			throw new IllegalArgumentException(
					"'" + text + "' ends before it starts; a range must lie within one day, up to 24:00");
		}
		return new TimeRange(start, end);
	}

	private static LocalTime parseTime(String range, String time) {
		try {
			return LocalTime.parse(time, TIME);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("'" + range + "' is not a valid time range: '" + time
					+ "' is not a time of day; write HH:mm from 00:00 to 24:00");
		}
	}

	/**
	 * Whether this range runs until midnight at the end of the day.
	 * @return {@code true} if the range ends at 24:00
	 */
	public boolean endsAtMidnight() {
		return this.end.equals(LocalTime.MIDNIGHT);
	}

	/**
	 * Whether this range is the whole day, {@code 00:00-24:00}.
	 * @return {@code true} if the range covers the whole day
	 */
	public boolean isAllDay() {
		return this.start.equals(LocalTime.MIDNIGHT) && endsAtMidnight();
	}

	/**
	 * Whether this range and the given one share some time. Ranges that only touch, such as
	 * {@code 09:00-12:00} and {@code 12:00-17:00}, do not overlap.
	 * @param other the other range
	 * @return {@code true} if the ranges overlap
	 */
	public boolean overlaps(TimeRange other) {
		return startsBeforeEndOf(other) && other.startsBeforeEndOf(this);
	}

	private boolean startsBeforeEndOf(TimeRange other) {
		return other.endsAtMidnight() || this.start.isBefore(other.end);
	}

	/**
	 * Return the range as it is written in the settings, such as {@code 09:00-24:00}.
	 */
	@Override
	public String toString() {
		return format(this.start) + "-" + (endsAtMidnight() ? END_OF_DAY : format(this.end));
	}

	private static String format(LocalTime time) {
		return TIME.format(time);
	}

}
