package frontdesk.rating;

/**
 * A customer commented on a conversation they rated.
 *
 * @param rating the rating, with its score and the comment
 */
public record RatingCommented(RatingView rating) {
}
