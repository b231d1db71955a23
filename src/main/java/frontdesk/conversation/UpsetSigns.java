package frontdesk.conversation;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Tells a clearly upset customer by what they write: a word or phrase from a list (swearing, "ridiculous", "waste of
 * time", ...), or a message written in capitals, which reads as shouting.
 */
final class UpsetSigns {

	/** Capital letters a text needs before it counts as shouting: "WHERE IS MY ORDER" does, "OK" and "UK" do not. */
	private static final int SHOUTING_LETTERS = 12;

	private static final String LETTER_OR_DIGIT = "[\\p{L}\\p{N}]";

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
		String phrase = Arrays.stream(parts).map(Pattern::quote).collect(Collectors.joining("\\s+"));
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

	/** Mostly capital letters, and enough of them that it is not an abbreviation. */
	private static boolean shouting(String text) {
		int upper = 0;
		int lower = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isUpperCase(c)) {
				upper++;
			}
			else if (Character.isLowerCase(c)) {
				lower++;
			}
		}
		return upper >= SHOUTING_LETTERS && lower * 10 <= upper;
	}

}
