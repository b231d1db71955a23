package frontdesk.conversation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tells a clearly upset customer by what they write: a word or phrase from a list (swearing, "ridiculous", "waste of
 * time", ...), or a message written in capitals, which reads as shouting.
 */
final class UpsetSigns {

	/**
	 * Words in capitals a text needs to count as shouting: "WHERE IS MY ORDER" does, "DPD UK" and a code such as
	 * "FREESHIPPING" do not.
	 */
	private static final int SHOUTING_WORDS = 3;

	/** Fewer capital words shout too with exclamation marks and nothing in small letters: "REFUND NOW!!!". */
	private static final int EXCLAIMED_SHOUTING_WORDS = 2;

	private static final String LETTER_OR_DIGIT = "[\\p{L}\\p{N}]";

	private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");

	private final Pattern words;

	/**
	 * @param words words and phrases, in any case; a word ending in {@code *} stands for every word that begins so
	 * ({@code complain*}: complaint, complaining)
	 */
	UpsetSigns(List<String> words) {
		String alternatives = words.stream()
			.map(String::strip)
			.filter((word) -> !word.replace("*", "").isBlank())
			.map(UpsetSigns::regex)
			.collect(Collectors.joining("|"));
		this.words = alternatives.isEmpty() ? null
				: Pattern.compile("(?<!" + LETTER_OR_DIGIT + ")(?:" + alternatives + ")(?!" + LETTER_OR_DIGIT + ")",
						Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

	private static String regex(String word) {
		boolean prefix = word.endsWith("*");
		String[] parts = (prefix ? word.substring(0, word.length() - 1) : word).strip().split("\\s+");
		// "fed up" is also written "fed-up"
		String phrase = Arrays.stream(parts).map(Pattern::quote).collect(Collectors.joining("[\\s-]+"));
		return prefix ? phrase + LETTER_OR_DIGIT + "*" : phrase;
	}

	/** Whether the text shows the customer is upset. */
	boolean in(String text) {
		if (text == null) {
			return false;
		}
		String plain = text.replace('\u2019', '\'');
		return shouting(plain) || (words != null && words.matcher(plain).find());
	}

	/** At least a few words in capitals (two with "!!"), and hardly any in small letters. */
	private static boolean shouting(String text) {
		int capitals = 0;
		int others = 0;
		Matcher words = WORD.matcher(text);
		while (words.find()) {
			String word = words.group();
			if (word.equals(word.toUpperCase(Locale.ROOT)) && !word.equals(word.toLowerCase(Locale.ROOT))) {
				capitals++;
			}
			else {
				others++;
			}
		}
		return others * 4 <= capitals && (capitals >= SHOUTING_WORDS
				|| (capitals >= EXCLAIMED_SHOUTING_WORDS && others == 0 && text.contains("!!")));
	}

}
