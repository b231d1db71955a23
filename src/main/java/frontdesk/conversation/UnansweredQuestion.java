package frontdesk.conversation;

/**
 * A customer's question the bot could not answer: it knew no intent for it, or asked which of two they meant.
 *
 * @param messageId the customer's message
 * @param text the question as the reports list it ({@link ConversationFigures.Unanswered#asAsked(String)})
 * @param bestGuess the intent the matcher thought likeliest, or {@code null}
 */
public record UnansweredQuestion(long messageId, String text, String bestGuess) {
}
