package frontdesk.rating;

/**
 * A customer rated a conversation.
 *
 * @param rating the rating, with its score
 */
public record RatingGiven(RatingView rating) {
}
