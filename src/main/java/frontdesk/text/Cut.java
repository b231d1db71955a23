package frontdesk.text;

/**
 * Texts cut to a length without breaking a character: a character outside the Basic Multilingual Plane, such as most
 * emoji, takes two Java {@code char}s, and a cut between them would leave half of it, which no one can read and
 * Telegram refuses.
 */
public final class Cut {

	private static final String ELLIPSIS = "…";

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
		int space = text.lastIndexOf(' ', room);
		int cut = space >= room / 2 ? space : at(text, room);
		return text.substring(0, cut).stripTrailing() + ELLIPSIS;
	}

	/**
	 * Where to cut the text to at most {@code max} {@code char}s: at {@code max}, or one before it when a character
	 * would be split there.
	 */
	public static int at(String text, int max) {
		return max > 0 && max < text.length() && Character.isHighSurrogate(text.charAt(max - 1))
				&& Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
	}
}
