package frontdesk.intent;

import java.util.Set;
import java.util.TreeSet;

/**
 * Every text the bot says on its own (not from an intent's answer), with its key in {@code messages.yml} and the
 * built-in default. Besides the placeholders every text may use ({@link Placeholders#COMMON}), some texts have their
 * own.
 */
public enum MessageKey {

	GREETING("greeting", "Hi {name}! I'm the virtual assistant. Ask me anything in your own words, "
			+ "or pick one of the topics below."),

	HELP("help", "Type your question in your own words and I'll do my best to answer it right away.\n\n"
			+ "/start – start over\n/human – talk to a person\n/end – end the conversation"),

	FALLBACK("fallback", "Sorry, I'm not sure I understood that. Could you put it another way? "
			+ "If you'd rather, a person from our team can help."),

	DID_YOU_MEAN("did-you-mean", "I'm not quite sure what you mean. Did you mean one of these?"),

	SOMETHING_ELSE("button.something-else", "Something else"),

	TALK_TO_PERSON("button.talk-to-person", "Talk to a person"),

	SOMETHING_ELSE_REPLY("something-else", "No problem. Could you tell me a bit more about what you need? Or, if "
			+ "you'd rather, a person from our team can help."),

	OFFER_PERSON("offer-person", "I'm sorry I couldn't help with that. Would you like to talk to a person?"),

	UPSET("upset", "I'm sorry this has been frustrating. Would you like a person from our team to take it from here?"),

	HANDOFF_IN_HOURS("handoff.in-hours", "A person will be with you shortly — you are number {position} in the queue. "
			+ "Your request is {ticket}, and we'll answer by {promised_by} ({zone}) at the latest. Anything you add here goes "
			+ "into the same request.", Placeholders.REQUEST),

	HANDOFF_BEFORE_CLOSING("handoff.before-closing", "We close soon, so a person will answer by {promised_by} at the "
			+ "latest ({zone}): you are number {position} in the queue, and your request is {ticket}. Anything you add "
			+ "here goes into the same request.", Placeholders.REQUEST),

	/** In hours, with a response time that ends after the closing even early in the day. */
	HANDOFF_LATER("handoff.later", "Thanks, a person from our team will answer by {promised_by} at the latest "
			+ "({zone}): you are number {position} in the queue, and your request is {ticket}. Anything you add here "
			+ "goes into the same request.", Placeholders.REQUEST),

	HANDOFF_AFTER_HOURS("handoff.after-hours", "We're closed now and open again {next_opening_day} at "
			+ "{next_opening_time}. Your request is {ticket}; a person will answer by {promised_by} ({zone}). Anything "
			+ "you add here goes into the same request.", Placeholders.REQUEST),

	WAITING("handoff.waiting", "Thanks, I've added that to your request {ticket}. A person will answer by "
			+ "{promised_by} ({zone}).", Placeholders.REQUEST),

	WITHDRAW("button.withdraw", "Never mind, I'm sorted"),

	WITHDRAWN("handoff.withdrawn", "No problem, I've cancelled request {ticket}. I'm still here if you need "
			+ "anything else.", "ticket"),

	OPEN_NOW("hours.open", "Yes, we're open now. Our hours are {hours}."),

	CLOSED_NOW("hours.closed", "We're closed right now and open again {next_opening_day} at "
			+ "{next_opening_time}. Our hours are {hours}."),

	CONVERSATION_CLOSED("closed", "Thanks for chatting with us! Just send a message whenever you need "
			+ "anything else."),

	CONVERSATION_CLOSED_QUIET("closed-quiet", "This conversation has been quiet for a while, so I've closed it. Just "
			+ "send a message whenever you need anything else."),

	RATING_QUESTION("rating.question", "How would you rate this conversation? (1 = poor, 5 = excellent)"),

	RATING_CHOSEN("rating.chosen", "You rated it {rating} out of 5. Thank you!", "rating"),

	RATING_ALREADY("rating.already", "You've rated this conversation already. Thank you!"),

	RATING_EXPIRED("rating.expired", "Sorry, this rating question has expired."),

	COMMENT_QUESTION("rating.comment", "Anything we could do better? Just write it here."),

	COMMENT_THANKS("rating.comment-thanks", "Thank you, I've passed that on to the team."),

	COMMENT_SKIPPED("rating.comment-skipped", "Thanks again!"),

	SKIP("button.skip", "Skip"),

	DONE("button.done", "That's all, thanks"),

	TEXT_ONLY("text-only", "Sorry, I can only read text messages. Could you type your question?"),

	STALE_BUTTON("stale-button", "That button has expired. Please type your question instead."),

	NOT_YOUR_BUTTON("not-your-button", "That button isn't for you."),

	TOO_FAST("too-fast", "You're sending messages very quickly. Please wait a moment and try again."),

	/**
	 * Not a text but the language the texts are in, as a tag such as "de" or "pt-BR": for browsers and screen readers
	 * on the chat page, and for the names of days and months in the schedule and in promises.
	 */
	LANGUAGE(Use.WORDS, "language", "en"),

	/** {@code {name}} for a customer whose name is not known, such as a visitor of the web chat. */
	NO_NAME(Use.WORDS, "name.unknown", "there"),

	/** Three days or more in a row with the same hours, in {@code {hours}}. */
	SCHEDULE_DAYS(Use.WORDS, "schedule.days", "{first} to {last}", "first", "last"),

	/** The word before the last of a list of days or times in {@code {hours}}. */
	SCHEDULE_AND(Use.WORDS, "schedule.and", "and"),

	SCHEDULE_CLOSED_ON(Use.WORDS, "schedule.closed-on", "closed on {days}", "days"),

	SCHEDULE_ALL_DAY(Use.WORDS, "schedule.all-day", "open all day"),

	/** {@code {open_now}} while the business is open. */
	SCHEDULE_OPEN(Use.WORDS, "schedule.open", "open"),

	/** {@code {open_now}} while the business is closed. */
	SCHEDULE_CLOSED(Use.WORDS, "schedule.closed", "closed"),

	/** The day it is, in place of its name (none by default: "Friday", on a Friday too). */
	SCHEDULE_TODAY(Use.WORDS, "schedule.today", null),

	/** The next day, in place of its name (none by default). */
	SCHEDULE_TOMORROW(Use.WORDS, "schedule.tomorrow", null),

	/** The next opening of a business that never closes, in {@code {next_opening}} and the like. */
	SCHEDULE_ALWAYS(Use.WORDS, "schedule.always", "now"),

	WEB_TITLE("web.title", "Chat with us"),

	WEB_SUBTITLE("web.subtitle", "Answers right away, and a person when you need one"),

	WEB_PLACEHOLDER("web.placeholder", "Type your question…"),

	WEB_SEND("web.send", "Send"),

	WEB_TYPING("web.typing", "Typing"),

	/** Who wrote a line, for screen readers: the visitor. */
	WEB_YOU("web.you", "You"),

	/** Who wrote a line, for screen readers: the bot. */
	WEB_BOT("web.bot", "Assistant"),

	/** Who wrote a line, for screen readers: a person from the business. */
	WEB_STAFF("web.staff", "Staff"),

	WEB_CLOSE("web.close", "Close the chat"),

	WEB_UNREAD("web.unread", "Chat with us: new message"),

	WEB_NOT_SENT("web.not-sent", "Sorry, that did not go through. Please try again."),

	WEB_TOO_LONG("web.too-long", "A message has at most 4,096 characters, so the end of what you pasted was left "
			+ "out."),

	WEB_OFFLINE("web.offline", "The chat cannot be reached just now. Please check your connection and try again in "
			+ "a moment."),

	TOO_LONG("too-long", "That's a long message! I've kept all of it, but I can only answer short questions "
			+ "myself. Could you ask in a sentence or two, or ask for a person?");

	private final String key;

	private final String defaultText;

	private final Use use;

	private final Set<String> ownPlaceholders;

	MessageKey(String key, String defaultText, String... ownPlaceholders) {
		this(Use.TEXT, key, defaultText, ownPlaceholders);
	}

	MessageKey(Use use, String key, String defaultText, String... ownPlaceholders) {
		this.use = use;
		this.key = key;
		this.defaultText = defaultText;
		this.ownPlaceholders = Set.of(ownPlaceholders);
	}

	/** The key in {@code messages.yml}. */
	public String key() {
		return key;
	}

	/** The built-in text; {@code null} for words the bot does without unless they are given. */
	public String defaultText() {
		return defaultText;
	}

	/**
	 * The placeholders this text may use: the common ones and its own for a text the bot says, only its own for words
	 * that go into other texts (which the common placeholders are made of).
	 */
	Set<String> placeholders() {
		if (use == Use.WORDS) {
			return ownPlaceholders;
		}
		Set<String> all = new TreeSet<>(Placeholders.COMMON);
		all.addAll(ownPlaceholders);
		return all;
	}

	/** The placeholders the text must use: all of their own for words that go into other texts, none for a text. */
	Set<String> requiredPlaceholders() {
		return (use == Use.WORDS) ? ownPlaceholders : Set.of();
	}

	static MessageKey byKey(String key) {
		if ("web.language".equals(key)) {
			// the name of "language" while it was the chat page's alone
			return LANGUAGE;
		}
		for (MessageKey messageKey : values()) {
			if (messageKey.key.equals(key)) {
				return messageKey;
			}
		}
		return null;
	}

	private enum Use {

		/** A text the bot says. */
		TEXT,

		/** Words that go into other texts, or a setting. */
		WORDS

	}

}
