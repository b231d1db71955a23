package frontdesk.rating;

import java.time.Instant;

/**
 * A rating as other modules see it.
 *
 * @param conversationId the conversation rated
 * @param customerId who was asked
 * @param ticketId the conversation's request for a person, or {@code null}
 * @param handledBy the staff member who handled the conversation, or {@code null} when none did
 * @param question the text of the question as the customer got it
 * @param score 1 to 5, or {@code null} while not rated
 * @param comment the customer's comment, or {@code null}
 * @param askedAt when the question was put
 * @param ratedAt when the customer rated, or {@code null}
 */
public record RatingView(Long conversationId, Long customerId, Long ticketId, String handledBy, String question,
		Integer score, String comment, Instant askedAt, Instant ratedAt) {

	/**
	 * Who handled the conversation, as the staff read it: a staff member's name; "no one" when the customer asked for
	 * a person and none answered; else the bot alone.
	 */
	public String handler() {
		return handledBy != null ? handledBy
				: ticketId != null ? "no one: the customer asked for a person, and none answered" : "the bot alone";
	}

	/** Whether the rating is bad enough for the staff to look at: 1 or 2. */
	public boolean bad() {
		return score != null && score <= 2;
	}
}
