package frontdesk.matching;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes {@link SemanticMatcher}s. The sentence model is loaded and the embedding cache opened on the first training,
 * then shared by all matchers this factory makes.
 */
final class SemanticMatcherFactory implements MatcherFactory {

	/**
	 * Out-of-scope examples count at most this many times as much, all together, as the examples of an average
	 * intent: a long list of things not to answer must not drown intents that have only a few examples.
	 */
	private static final double OUT_OF_SCOPE_SHARE = 2;

	private final MatchingSettings settings;

	private final ModelSettings.Encoder encoder;

	private final Path dataDir;

	private Embeddings embeddings;

	/**
	 * @param settings how sure the matcher must be to answer
	 * @param encoder the sentence model
	 * @param dataDir the app's data folder: the embedding cache and the native libraries go there; null keeps no cache
	 */
	SemanticMatcherFactory(MatchingSettings settings, ModelSettings.Encoder encoder, Path dataDir) {
		this.settings = settings;
		this.encoder = encoder;
		this.dataDir = dataDir;
	}

	@Override
	public IntentMatcher train(TrainingSet set) {
		return train(set, settings);
	}

	@Override
	public IntentMatcher train(TrainingSet set, MatchingSettings settings) {
		Embeddings embeddings = embeddings();
		List<String> intents = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		List<Integer> labels = new ArrayList<>();
		set.examplesByIntent().keySet().stream().sorted().forEach((intent) -> {
			if (addExamples(set.examplesByIntent().get(intent), intents.size(), texts, labels)) {
				intents.add(intent);
			}
		});
		int inScope = texts.size();
		boolean outOfScope = addExamples(set.outOfScopeExamples(), intents.size(), texts, labels);
		float[][] vectors = embeddings.examples(texts);
		int[] labelOf = labels.stream().mapToInt(Integer::intValue).toArray();
		float[] weights = new float[texts.size()];
		java.util.Arrays.fill(weights, 1);
		if (outOfScope && !intents.isEmpty()) {
			int outOfScopeCount = texts.size() - inScope;
			float weight = (float) Math.min(1, OUT_OF_SCOPE_SHARE * inScope / intents.size() / outOfScopeCount);
			java.util.Arrays.fill(weights, inScope, texts.size(), weight);
		}
		DenseSoftmax classifier = DenseSoftmax.train(vectors, labelOf, weights, intents.size() + (outOfScope ? 1 : 0));
		LexicalMatcher lexical = LexicalMatcher.train(set, settings);
		return new SemanticMatcher(intents, outOfScope, embeddings, classifier, lexical, settings);
	}

	/** Adds the normalised texts that are not empty, under the label; true if there were some. */
	private static boolean addExamples(List<String> examples, int label, List<String> texts, List<Integer> labels) {
		int before = texts.size();
		for (String example : examples) {
			String normalized = TextNormalizer.normalize(example);
			if (!normalized.isEmpty()) {
				texts.add(normalized);
				labels.add(label);
			}
		}
		return texts.size() > before;
	}

	private synchronized Embeddings embeddings() {
		if (embeddings == null) {
			SentenceEncoder sentences = SentenceEncoder.of(encoder, (dataDir != null) ? dataDir : Path.of("data"));
			EmbeddingCache cache = (dataDir != null)
					? EmbeddingCache.open(dataDir.resolve("matching"), sentences.id(), sentences.dimension())
					: EmbeddingCache.none(sentences.id(), sentences.dimension());
			embeddings = new Embeddings(sentences, cache);
		}
		return embeddings;
	}

	/** Loads the sentence model now rather than at the first training. */
	void load() {
		embeddings();
	}

}
