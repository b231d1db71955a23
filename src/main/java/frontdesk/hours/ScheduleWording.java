package frontdesk.hours;

import java.util.Locale;

import org.springframework.util.Assert;

/**
 * The language customers read the schedule in: the locale of day and month names, the few words that join them
 * into "Monday to Friday 09:00–17:30 and Saturday 10:00–14:00; closed on Sunday", and, if the business wants them,
 * the words for today and tomorrow in place of those days' names.
 * @param locale the language of day and month names
 * @param days a run of three days or more, with {@code {first}} and {@code {last}}, such as "{first} to {last}"
 * @param and the word before the last item of a list, such as "and"
 * @param closedOn the closed days, with {@code {days}}, such as "closed on {days}"
 * @param allDay a day open from midnight to midnight, such as "open all day"
 * @param today the word for the day it is, or {@code null} to name it like any other
 * @param tomorrow the word for the next day, or {@code null} to name it like any other
 */
public record ScheduleWording(Locale locale, String days, String and, String closedOn, String allDay, String today,
		String tomorrow) {

	/** The schedule in English, naming every day. */
	public static final ScheduleWording ENGLISH = new ScheduleWording(Locale.ENGLISH, "{first} to {last}", "and",
			"closed on {days}", "open all day", null, null);

	public ScheduleWording {
		Assert.notNull(locale, "locale must not be null");
		Assert.hasText(days, "days must not be empty");
		Assert.hasText(and, "and must not be empty");
		Assert.hasText(closedOn, "closedOn must not be empty");
		Assert.hasText(allDay, "allDay must not be empty");
	}

	String dayRun(String first, String last) {
		return days.replace("{first}", first).replace("{last}", last);
	}

	String closed(String days) {
		return closedOn.replace("{days}", days);
	}

}
