package frontdesk.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Texts cut to a length without breaking a character as people see it: an emoji outside the Basic Multilingual Plane
 * takes two Java {@code char}s, a flag two such pairs, a family or a skin tone several joined ones, a letter with an
 * accent may be two; a cut inside one leaves half of it, which no one can read and Telegram may refuse.
 */
public final class Cut {

	private static final String ELLIPSIS = "…";

	/** One character as people see it (an extended grapheme cluster). */
	private static final Pattern CHARACTER = Pattern.compile("\\X");

	private Cut() {
	}

	/** At most {@code max} {@code char}s of the text, from its start. */
	public static String toLength(String text, int max) {
		return text.length() <= max ? text : text.substring(0, at(text, max));
	}

	/**
	 * The text, or its start with "…" when it is longer than {@code max} {@code char}s (the "…" included), cut after
	 * a word when one ends in the second half of what fits.
	 */
	public static String shorten(String text, int max) {
		if (text.length() <= max) {
			return text;
		}
		int room = max - ELLIPSIS.length();
		if (room < 1) {
			return toLength(text, max);
		}
		int space = text.lastIndexOf(' ', room);
		int cut = space >= room / 2 ? space : at(text, room);
		return text.substring(0, cut).stripTrailing() + ELLIPSIS;
	}

	/**
	 * Where to cut the text to at most {@code max} {@code char}s: after the last whole character that fits; within a
	 * character longer than that (a letter under hundreds of accents), at least not between the two halves of a pair.
	 */
	public static int at(String text, int max) {
		if (max >= text.length()) {
			return text.length();
		}
		if (max <= 0) {
			return 0;
		}
		Matcher character = CHARACTER.matcher(text);
		int cut = 0;
		while (character.find() && character.end() <= max) {
			cut = character.end();
		}
		if (cut > 0) {
			return cut;
		}
		return Character.isHighSurrogate(text.charAt(max - 1)) && Character.isLowSurrogate(text.charAt(max)) ? max - 1
				: max;
	}
}
