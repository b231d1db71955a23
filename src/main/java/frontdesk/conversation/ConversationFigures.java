package frontdesk.conversation;

import java.util.List;

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
	 * @param text the question, lower-cased
	 * @param times how often it was asked
	 * @param bestGuess the intent the matcher thought likeliest, or {@code null}
	 */
	public record Unanswered(String text, long times, String bestGuess) {
	}
}
