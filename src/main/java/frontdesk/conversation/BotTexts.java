package frontdesk.conversation;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import frontdesk.hours.BusinessHours;
import frontdesk.intent.MessageKey;
import frontdesk.intent.Messages;
import frontdesk.intent.Placeholders;
import frontdesk.matching.Understanding;

import org.springframework.stereotype.Component;

/**
 * The bot's own texts in force, filled in for a customer, for what the bot says outside a customer's turn (a goodbye
 * to a quiet conversation, the rating question and what follows it).
 */
@Component
class BotTexts {

	private final Understanding understanding;

	private final BusinessHours hours;

	BotTexts(Understanding understanding, BusinessHours hours) {
		this.understanding = understanding;
		this.hours = hours;
	}

	String get(Customer customer, MessageKey key, Instant now) {
		return get(customer, key, now, Map.of());
	}

	/** The text for no customer in particular ({@code {name}} becomes the {@code name.unknown} words, "there"). */
	String get(MessageKey key, Instant now) {
		return fill(null, key, now, Map.of());
	}

	/** The text, with the common placeholders and the text's own ones filled in. */
	String get(Customer customer, MessageKey key, Instant now, Map<String, String> own) {
		return fill(customer.firstName(), key, now, own);
	}

	/**
	 * Fills in texts of the intents (answers) with the common placeholders for the customer, worked out once for them
	 * all.
	 */
	UnaryOperator<String> filler(Customer customer, Instant now) {
		Map<String, String> values = Turn.commonPlaceholders(customer.firstName(), hours, now,
				understanding.current().intents().messages());
		return text -> Placeholders.fill(text, values);
	}

	private String fill(String name, MessageKey key, Instant now, Map<String, String> own) {
		Messages messages = understanding.current().intents().messages();
		String text = messages.get(key);
		if (text.indexOf('{') < 0) {
			// most texts have no placeholder: the schedule need not be worked out for them
			return text;
		}
		Map<String, String> values = new HashMap<>(Turn.commonPlaceholders(name, hours, now, messages));
		values.putAll(own);
		return Placeholders.fill(text, values);
	}
}
