package frontdesk.matching;

/**
 * Makes matchers; the conversation code only sees {@link IntentMatcher}, so a better model can replace this one.
 */
public interface MatcherFactory {

	/**
	 * Trains a matcher that decides with the configured {@link MatchingSettings}.
	 * @param set the examples to learn from
	 * @return the trained matcher
	 */
	IntentMatcher train(TrainingSet set);

	/**
	 * Trains a matcher that decides with the given settings, for example while choosing a threshold.
	 * @param set the examples to learn from
	 * @param settings the threshold and margin for the verdict
	 * @return the trained matcher
	 */
	IntentMatcher train(TrainingSet set, MatchingSettings settings);

}
