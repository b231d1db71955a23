package frontdesk.matching;

/**
 * Makes {@link LexicalMatcher}s.
 */
class LexicalMatcherFactory implements MatcherFactory {

	private final MatchingSettings settings;

	LexicalMatcherFactory(MatchingSettings settings) {
		this.settings = settings;
	}

	@Override
	public IntentMatcher train(TrainingSet set) {
		return train(set, settings);
	}

	@Override
	public IntentMatcher train(TrainingSet set, MatchingSettings settings) {
		return LexicalMatcher.train(set, settings);
	}

}
