package frontdesk.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches texts by their words, word pairs and character n-grams (TF-IDF vectors).
 * <p>
 * The confidence for an intent is the geometric mean of two views. Similarity: how much the text looks like the
 * intent at all, the mean of its cosine with the nearest example and with the intent's centroid; this does not
 * depend on how many other intents there are. Probability: how clearly the text points to this intent rather than
 * the others, from a softmax layer. Both must be high for a confident answer. Out-of-scope examples compete like
 * an intent of their own.
 */
final class LexicalMatcher implements IntentMatcher {

	/** Intent ids by label; a label after the last intent stands for the out-of-scope examples. */
	private final List<String> intents;

	private final int labelCount;

	private final TfIdf tfIdf;

	/** The label of each example. */
	private final int[] labels;

	private final InvertedIndex examples;

	private final InvertedIndex centroids;

	private final SoftmaxLayer softmax;

	private final MatchingSettings settings;

	private LexicalMatcher(List<String> intents, int labelCount, TfIdf tfIdf, int[] labels, InvertedIndex examples,
			InvertedIndex centroids, SoftmaxLayer softmax, MatchingSettings settings) {
		this.intents = intents;
		this.labelCount = labelCount;
		this.tfIdf = tfIdf;
		this.labels = labels;
		this.examples = examples;
		this.centroids = centroids;
		this.softmax = softmax;
		this.settings = settings;
	}

	static LexicalMatcher train(TrainingSet set, MatchingSettings settings) {
		List<String> intents = new ArrayList<>();
		List<Map<String, Integer>> documents = new ArrayList<>();
		List<Integer> labels = new ArrayList<>();
		set.examplesByIntent().keySet().stream().sorted().forEach((intent) -> {
			if (addExamples(set.examplesByIntent().get(intent), intents.size(), documents, labels)) {
				intents.add(intent);
			}
		});
		boolean outOfScope = addExamples(set.outOfScopeExamples(), intents.size(), documents, labels);
		int labelCount = intents.size() + (outOfScope ? 1 : 0);
		int[] labelOf = labels.stream().mapToInt(Integer::intValue).toArray();
		TfIdf tfIdf = TfIdf.fit(documents);
		List<SparseVector> vectors = documents.stream().map(tfIdf::vector).toList();
		InvertedIndex centroids = new InvertedIndex(centroids(vectors, labelOf, labelCount), tfIdf.size());
		return new LexicalMatcher(List.copyOf(intents), labelCount, tfIdf, labelOf,
				new InvertedIndex(vectors, tfIdf.size()), centroids, SoftmaxLayer.train(vectors, labelOf, centroids),
				settings);
	}

	/** Adds the features of the texts that have any, under the label; true if there were some. */
	private static boolean addExamples(List<String> texts, int label, List<Map<String, Integer>> documents,
			List<Integer> labels) {
		int before = documents.size();
		for (String text : texts) {
			Map<String, Integer> features = Features.of(TextNormalizer.normalize(text));
			if (!features.isEmpty()) {
				documents.add(features);
				labels.add(label);
			}
		}
		return documents.size() > before;
	}

	private static List<SparseVector> centroids(List<SparseVector> vectors, int[] labels, int labelCount) {
		List<Map<Integer, Float>> sums = new ArrayList<>();
		for (int label = 0; label < labelCount; label++) {
			sums.add(new HashMap<>());
		}
		for (int example = 0; example < vectors.size(); example++) {
			SparseVector vector = vectors.get(example);
			Map<Integer, Float> sum = sums.get(labels[example]);
			for (int i = 0; i < vector.size(); i++) {
				sum.merge(vector.index(i), vector.value(i), Float::sum);
			}
		}
		return sums.stream().map(LexicalMatcher::toVector).toList();
	}

	private static SparseVector toVector(Map<Integer, Float> entries) {
		int[] indices = new int[entries.size()];
		float[] values = new float[entries.size()];
		int i = 0;
		for (Map.Entry<Integer, Float> entry : entries.entrySet()) {
			indices[i] = entry.getKey();
			values[i++] = entry.getValue();
		}
		return new SparseVector(indices, values).normalized();
	}

	@Override
	public MatchResult match(String text) {
		SparseVector query = tfIdf.vector(Features.of(TextNormalizer.normalize(text)));
		double[] similarities = similarities(query);
		double[] probabilities = softmax.probabilities(query);
		double[] confidences = new double[labelCount];
		for (int label = 0; label < labelCount; label++) {
			confidences[label] = Math.min(1, Math.sqrt(similarities[label] * probabilities[label]));
		}
		List<ScoredIntent> ranked = new ArrayList<>();
		for (int label = 0; label < intents.size(); label++) {
			if (similarities[label] > 0) {
				ranked.add(new ScoredIntent(intents.get(label), confidences[label]));
			}
		}
		ranked.sort(Comparator.comparingDouble(ScoredIntent::confidence)
			.reversed()
			.thenComparing(ScoredIntent::intentId));
		double outOfScope = (labelCount > intents.size()) ? confidences[intents.size()] : 0;
		return settings.decide(ranked, outOfScope);
	}

	/** The intent ids, in the order of {@link #probabilities(String)}. */
	List<String> intents() {
		return intents;
	}

	/**
	 * How clearly a normalised text points to each intent rather than the others, from the softmax layer: one
	 * probability per intent in the order of {@link #intents()}, then one for the out-of-scope examples if there were
	 * any.
	 */
	double[] probabilities(String normalized) {
		return softmax.probabilities(tfIdf.vector(Features.of(normalized)));
	}

	/** How much the query looks like each label: the mean cosine with its nearest example and with its centroid. */
	private double[] similarities(SparseVector query) {
		double[] nearest = new double[labelCount];
		float[] toExamples = examples.dotProducts(query);
		for (int example = 0; example < toExamples.length; example++) {
			nearest[labels[example]] = Math.max(nearest[labels[example]], toExamples[example]);
		}
		float[] toCentroids = centroids.dotProducts(query);
		double[] similarities = new double[labelCount];
		for (int label = 0; label < labelCount; label++) {
			similarities[label] = (nearest[label] + toCentroids[label]) / 2;
		}
		return similarities;
	}

}
