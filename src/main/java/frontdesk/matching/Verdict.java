package frontdesk.matching;

/**
 * What the bot should do with a customer's text.
 */
public enum Verdict {

	/** One intent clearly fits: answer it. */
	CONFIDENT,

	/** Several intents fit about equally well: ask which one the customer means. */
	AMBIGUOUS,

	/** No intent fits well enough, or the text is something the bot must not answer. */
	UNKNOWN

}
