package frontdesk.matching;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Brings customer texts to one plain form: lower case, no accents, contractions spelled out, only letters and
 * digits (of any script) separated by single spaces. Accents are dropped from the scripts customers often write
 * without them (Latin, Greek, Cyrillic, and the vowel signs of Arabic and Hebrew); in other scripts the marks on a
 * letter spell the word (the vowel signs of Hindi or Thai, the voicing marks of Japanese kana) and are kept.
 */
final class TextNormalizer {

	/** Only the start of a longer text counts, so a pasted book costs no more than a long message. */
	static final int MAX_LENGTH = 10_000;

	/** Scripts whose marks on letters are accents a customer may leave out. */
	private static final Set<Character.UnicodeScript> ACCENTED = EnumSet.of(Character.UnicodeScript.LATIN,
			Character.UnicodeScript.GREEK, Character.UnicodeScript.CYRILLIC, Character.UnicodeScript.ARABIC,
			Character.UnicodeScript.HEBREW);

	private static final int ZERO_WIDTH_SPACE = 0x200B;

	private static final int TATWEEL = 0x0640;

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
		plain = withoutAccents(plain).toLowerCase(Locale.ROOT);
		StringBuilder words = new StringBuilder(plain.length());
		plain.codePoints()
			// invisible characters inside a word (a soft hyphen, a joiner, a direction mark) and the stroke that
			// stretches Arabic words are no part of it; a zero-width space parts words like a space
			.filter((c) -> c == ZERO_WIDTH_SPACE || (Character.getType(c) != Character.FORMAT && c != TATWEEL))
			.map((c) -> (Character.isLetterOrDigit(c) || isMark(c) || c == '\'') ? c : ' ')
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

	/**
	 * The text in compatibility form (full-width letters, ligatures), without the marks on letters of the accented
	 * scripts, nor marks on anything but a letter (such as the variation selectors of emoji); composed again, so the
	 * marks kept are one character with their letter where Unicode has one.
	 */
	private static String withoutAccents(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
		StringBuilder kept = new StringBuilder(decomposed.length());
		boolean dropMarks = true;
		for (int i = 0; i < decomposed.length();) {
			int c = decomposed.codePointAt(i);
			i += Character.charCount(c);
			if (!isMark(c)) {
				dropMarks = !Character.isLetter(c) || ACCENTED.contains(Character.UnicodeScript.of(c));
				kept.appendCodePoint(c);
			}
			else if (!dropMarks) {
				kept.appendCodePoint(c);
			}
		}
		return Normalizer.normalize(kept, Normalizer.Form.NFC);
	}

	private static boolean isMark(int c) {
		int type = Character.getType(c);
		return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
				|| type == Character.ENCLOSING_MARK;
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
