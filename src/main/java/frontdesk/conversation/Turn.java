package frontdesk.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import frontdesk.hours.BusinessHours;
import frontdesk.hours.ScheduleWording;
import frontdesk.intent.MessageKey;
import frontdesk.intent.Messages;
import frontdesk.intent.Placeholders;
import frontdesk.matching.Understanding;

/**
 * One inbound message being answered: who wrote, in which conversation, and what the bot says back.
 */
final class Turn {

	final Customer customer;

	final Conversation conversation;

	final Inbound.Kind kind;

	/** What the customer wrote: the text, the button's data, or a media message's caption. */
	final String text;

	final Message inbound;

	final Understanding.Snapshot understanding;

	final Instant now;

	/** Whether this message opened the conversation (none was open). */
	final boolean opening;

	private final BusinessHours hours;

	private final List<Said> said = new ArrayList<>();

	private Map<String, String> placeholders;

	/** The words of the schedule in the messages' language, worked out once for the turn. */
	private ScheduleWording wording;

	private String notice;

	Turn(Customer customer, Conversation conversation, boolean opening, Inbound inbound, Message message,
			Understanding.Snapshot understanding, BusinessHours hours, Instant now) {
		this.customer = customer;
		this.opening = opening;
		this.conversation = conversation;
		this.kind = inbound.kind();
		this.text = inbound.text().strip();
		this.inbound = message;
		this.understanding = understanding;
		this.hours = hours;
		this.now = now;
	}

	/** A bot text in force, placeholders filled in. */
	String text(MessageKey key) {
		return fill(understanding.intents().messages().get(key));
	}

	/** A bot text in force, filled in with the common placeholders and the given ones. */
	String text(MessageKey key, Map<String, String> values) {
		Map<String, String> all = new java.util.HashMap<>(placeholders());
		all.putAll(values);
		return Placeholders.fill(understanding.intents().messages().get(key), all);
	}

	String fill(String template) {
		return template.indexOf('{') < 0 ? template : Placeholders.fill(template, placeholders());
	}

	/** A time as customers read it, e.g. "Monday 11:00", with the date when it is a week or more away. */
	String describe(Instant instant) {
		return hours.describe(instant, now, wording());
	}

	/** The day of {@link #describe(Instant)}: "Monday", or "Friday 2 January". */
	String describeDay(Instant instant) {
		return hours.describeDay(instant, now, wording());
	}

	/** The time of {@link #describe(Instant)}: "11:00". */
	String describeTime(Instant instant) {
		return hours.describeTime(instant);
	}

	String zone() {
		return hours.zone().getId();
	}

	private Map<String, String> placeholders() {
		if (placeholders == null) {
			placeholders = commonPlaceholders(customer.firstName(), hours, now, understanding.intents().messages(),
					wording());
		}
		return placeholders;
	}

	private ScheduleWording wording() {
		if (wording == null) {
			wording = wording(understanding.intents().messages());
		}
		return wording;
	}

	/** The values of the placeholders every answer and message may use, in the language of the messages. */
	static Map<String, String> commonPlaceholders(String name, BusinessHours hours, Instant now, Messages messages) {
		return commonPlaceholders(name, hours, now, messages, wording(messages));
	}

	private static Map<String, String> commonPlaceholders(String name, BusinessHours hours, Instant now,
			Messages messages, ScheduleWording wording) {
		Instant opening = nextOpening(hours, now);
		String always = messages.get(MessageKey.SCHEDULE_ALWAYS);
		return Map.of("name", (name == null || name.isBlank()) ? messages.get(MessageKey.NO_NAME) : name,
				"hours", hours.describeWeek(wording),
				"open_now", messages.get(hours.isOpen(now) ? MessageKey.SCHEDULE_OPEN : MessageKey.SCHEDULE_CLOSED),
				"next_opening", (opening == null) ? always : hours.describe(opening, now, wording),
				"next_opening_day", (opening == null) ? always : hours.describeDay(opening, now, wording),
				"next_opening_time", (opening == null) ? always : hours.describeTime(opening));
	}

	private static ScheduleWording wording(Messages messages) {
		return new ScheduleWording(messages.locale(), messages.get(MessageKey.SCHEDULE_DAYS),
				messages.get(MessageKey.SCHEDULE_AND), messages.get(MessageKey.SCHEDULE_CLOSED_ON),
				messages.get(MessageKey.SCHEDULE_ALL_DAY), messages.get(MessageKey.SCHEDULE_TODAY),
				messages.get(MessageKey.SCHEDULE_TOMORROW));
	}

	/** When the business opens next, null for one that never closes. */
	private static Instant nextOpening(BusinessHours hours, Instant now) {
		try {
			return hours.nextOpening(now);
		}
		catch (IllegalStateException ex) {
			return null;
		}
	}

	boolean hoursOpen() {
		return hours.isOpen(now);
	}

	/**
	 * Whether the business is open from now until the given moment, without closing in between: only then does that
	 * much open time from now end at the moment itself.
	 */
	boolean openUntil(Instant moment) {
		return !moment.isBefore(now) && hours.plusOpenTime(now, Duration.between(now, moment)).equals(moment);
	}

	/**
	 * Whether the closing, not the wait itself, puts a promise of the given open time past the range open now: the
	 * range is long enough to hold that much, but not enough of it is left.
	 */
	boolean closesFirst(Instant promise, Duration openTime) {
		return !openUntil(promise) && hours.openingLasts(now, openTime);
	}

	void say(Reply reply) {
		said.add(new Said(reply, null, null));
	}

	void say(Reply reply, String intentId, Double confidence) {
		said.add(new Said(reply, intentId, confidence));
	}

	/** A short note for the customer who pressed a button. */
	void notice(String notice) {
		this.notice = notice;
	}

	List<Said> said() {
		return said;
	}

	Response response() {
		return new Response(said.stream().map(Said::reply).toList(), notice);
	}

	/** A reply and what produced it. */
	record Said(Reply reply, String intentId, Double confidence) {
	}
}
