package frontdesk.rating;

/**
 * What a tap on a rating button did.
 */
public enum RatingOutcome {

	/** The rating is stored. */
	RATED,

	/** The conversation was rated before; the first rating stands. */
	ALREADY_RATED,

	/** The question is too old to answer. */
	EXPIRED,

	/** No such question was put to this customer. */
	NOT_ASKED
}
