package frontdesk.intent;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {name}}-style placeholders of answers and messages.
 */
public final class Placeholders {

	/** Placeholders any answer or message may use. */
	public static final Set<String> COMMON = Set.of("hours", "open_now", "next_opening", "next_opening_day",
			"next_opening_time", "name");

	/** Placeholders of the texts about a request for a person: its number, place in the queue, promise and zone. */
	static final String[] REQUEST = { "ticket", "position", "promised_by", "promised_day", "promised_time", "zone" };

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

	private Placeholders() {
	}

	/** The names of the placeholders used in a text, in order of appearance. */
	static Set<String> in(String text) {
		Set<String> names = new LinkedHashSet<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
		return names;
	}

	/**
	 * Fills in the placeholders of a text. A placeholder with no value is left as it is (validation makes sure that
	 * only known placeholders are used).
	 */
	public static String fill(String text, Map<String, String> values) {
		if (text.indexOf('{') < 0) {
			return text;
		}
		Matcher matcher = PLACEHOLDER.matcher(text);
		StringBuilder result = new StringBuilder(text.length() + 32);
		while (matcher.find()) {
			String value = values.get(matcher.group(1));
			matcher.appendReplacement(result, Matcher.quoteReplacement(value != null ? value : matcher.group()));
		}
		matcher.appendTail(result);
		return result.toString();
	}
}
