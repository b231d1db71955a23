package frontdesk.matching;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Brings customer texts to one plain form: lower case, no accents, contractions spelled out, only letters and
 * digits (of any script) separated by single spaces.
 */
final class TextNormalizer {

	/** Only the start of a longer text counts, so a pasted book costs no more than a long message. */
	static final int MAX_LENGTH = 10_000;

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern APOSTROPHES = Pattern.compile("[\u2018\u2019\u201B\u02BC\u00B4`\u2032]");

	/** Whole words, with or without the apostrophe customers often leave out. */
	private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("can't", "can not"),
			Map.entry("cant", "can not"), Map.entry("won't", "will not"), Map.entry("wont", "will not"),
			Map.entry("shan't", "shall not"), Map.entry("ain't", "is not"), Map.entry("let's", "let us"),
			Map.entry("it's", "it is"), Map.entry("what's", "what is"), Map.entry("whats", "what is"),
			Map.entry("where's", "where is"), Map.entry("wheres", "where is"), Map.entry("that's", "that is"),
			Map.entry("thats", "that is"), Map.entry("there's", "there is"), Map.entry("here's", "here is"),
			Map.entry("who's", "who is"), Map.entry("how's", "how is"), Map.entry("when's", "when is"),
			Map.entry("he's", "he is"), Map.entry("she's", "she is"), Map.entry("dont", "do not"),
			Map.entry("doesnt", "does not"), Map.entry("didnt", "did not"), Map.entry("isnt", "is not"),
			Map.entry("arent", "are not"), Map.entry("wasnt", "was not"), Map.entry("werent", "were not"),
			Map.entry("havent", "have not"), Map.entry("hasnt", "has not"), Map.entry("hadnt", "had not"),
			Map.entry("couldnt", "could not"), Map.entry("shouldnt", "should not"),
			Map.entry("wouldnt", "would not"), Map.entry("im", "i am"), Map.entry("ive", "i have"),
			Map.entry("youre", "you are"), Map.entry("theyre", "they are"));

	/** Endings after an apostrophe, in the order they are tried. */
	private static final String[][] ENDINGS = { { "n't", " not" }, { "'re", " are" }, { "'m", " am" },
			{ "'ll", " will" }, { "'ve", " have" }, { "'d", " would" }, { "'s", "" } };

	private TextNormalizer() {
	}

	static String normalize(String text) {
		if (text == null) {
			return "";
		}
		String plain = APOSTROPHES.matcher(text.substring(0, Math.min(text.length(), MAX_LENGTH))).replaceAll("'");
		plain = MARKS.matcher(Normalizer.normalize(plain, Normalizer.Form.NFKD)).replaceAll("");
		plain = plain.toLowerCase(Locale.ROOT);
		StringBuilder words = new StringBuilder(plain.length());
		plain.codePoints()
			.map((c) -> (Character.isLetterOrDigit(c) || c == '\'') ? c : ' ')
			.forEach(words::appendCodePoint);
		StringJoiner normalized = new StringJoiner(" ");
		for (String word : words.toString().split(" ")) {
			String expanded = expand(strip(word));
			if (!expanded.isEmpty()) {
				normalized.add(expanded);
			}
		}
		return normalized.toString();
	}

	private static String strip(String word) {
		int start = 0;
		int end = word.length();
		while (start < end && word.charAt(start) == '\'') {
			start++;
		}
		while (end > start && word.charAt(end - 1) == '\'') {
			end--;
		}
		return word.substring(start, end);
	}

	private static String expand(String word) {
		String whole = WORDS.get(word);
		if (whole != null) {
			return whole;
		}
		for (String[] ending : ENDINGS) {
			if (word.endsWith(ending[0]) && word.length() > ending[0].length()) {
				return strip(word.substring(0, word.length() - ending[0].length())).replace("'", "") + ending[1];
			}
		}
		return word.replace("'", "");
	}

}
