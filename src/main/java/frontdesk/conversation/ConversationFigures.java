package frontdesk.conversation;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The conversations of a period.
 *
 * @param conversations conversations customers opened (not the staff's follow-ups of bad ratings)
 * @param botOnly those in which the bot answered at least one question and no one asked for a person
 * @param unanswered the questions the bot could not answer, most asked first
 */
public record ConversationFigures(long conversations, long botOnly, List<Unanswered> unanswered) {

	/**
	 * A question the bot could not answer.
	 *
	 * @param text the question as {@link #asAsked(String)} gives it
	 * @param times how often it was asked
	 * @param bestGuess the intent the matcher thought likeliest most often, or {@code null}
	 */
	public record Unanswered(String text, long times, String bestGuess) {

		private static final Pattern MARK = Pattern.compile("^\\[[a-z_ ]+] ");

		private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");

		/**
		 * A question as the customer asked it, whatever the spaces, capitals and marks of the transcript: lower-cased,
		 * each run of spaces one space, without the "[photo]" of a caption.
		 */
		public static String asAsked(String text) {
			String question = SPACES.matcher(text).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
			return MARK.matcher(question).replaceFirst("");
		}
	}
}
