package frontdesk.matching;

/**
 * Matches customer texts to intents. Immutable and safe to share between threads.
 */
public interface IntentMatcher {

	/**
	 * Matches one customer text; never fails on strange input (blank, very long, emoji, any script).
	 * @param text what the customer wrote
	 * @return the verdict and the candidates, best first
	 */
	MatchResult match(String text);

}
