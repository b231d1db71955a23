package frontdesk.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches texts by how much they look like each intent's examples: TF-IDF vectors of words, word pairs and
 * character n-grams, compared by cosine similarity with the nearest examples and with the intent as a whole.
 * Out-of-scope examples compete like an intent of their own.
 */
final class LexicalMatcher implements IntentMatcher {

	static double NEAREST_SHARE = Double.parseDouble(System.getProperty("alpha", "0.5"));
	static int NEAREST = Integer.getInteger("topk", 1);

	/** Intent ids by label; the label after the last intent stands for out-of-scope. */
	private final List<String> intents;

	private final TfIdf tfIdf;

	/** The label of each example. */
	private final int[] labels;

	private final InvertedIndex examples;

	private final InvertedIndex centroids;

	private final MatchingSettings settings;

	private LexicalMatcher(List<String> intents, TfIdf tfIdf, int[] labels, InvertedIndex examples,
			InvertedIndex centroids, MatchingSettings settings) {
		this.intents = intents;
		this.tfIdf = tfIdf;
		this.labels = labels;
		this.examples = examples;
		this.centroids = centroids;
		this.settings = settings;
	}

	static LexicalMatcher train(TrainingSet set, MatchingSettings settings) {
		List<String> intents = set.examplesByIntent().keySet().stream().sorted().toList();
		List<Map<String, Integer>> documents = new ArrayList<>();
		List<Integer> labels = new ArrayList<>();
		for (int label = 0; label <= intents.size(); label++) {
			List<String> texts = (label < intents.size()) ? set.examplesByIntent().get(intents.get(label))
					: set.outOfScopeExamples();
			for (String text : texts) {
				Map<String, Integer> features = Features.of(TextNormalizer.normalize(text));
				if (!features.isEmpty()) {
					documents.add(features);
					labels.add(label);
				}
			}
		}
		TfIdf tfIdf = TfIdf.fit(documents);
		List<SparseVector> vectors = documents.stream().map(tfIdf::vector).toList();
		List<SparseVector> centroids = centroids(vectors, labels, intents.size() + 1);
		return new LexicalMatcher(intents, tfIdf, labels.stream().mapToInt(Integer::intValue).toArray(),
				new InvertedIndex(vectors, tfIdf.size()), new InvertedIndex(centroids, tfIdf.size()), settings);
	}

	private static List<SparseVector> centroids(List<SparseVector> vectors, List<Integer> labels, int labelCount) {
		List<Map<Integer, Float>> sums = new ArrayList<>();
		for (int label = 0; label < labelCount; label++) {
			sums.add(new HashMap<>());
		}
		for (int example = 0; example < vectors.size(); example++) {
			SparseVector vector = vectors.get(example);
			Map<Integer, Float> sum = sums.get(labels.get(example));
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
		double[] scores = scores(query);
		List<ScoredIntent> ranked = new ArrayList<>();
		for (int label = 0; label < intents.size(); label++) {
			if (scores[label] > 0) {
				ranked.add(new ScoredIntent(intents.get(label), Math.min(1, scores[label])));
			}
		}
		ranked.sort(Comparator.comparingDouble(ScoredIntent::confidence)
			.reversed()
			.thenComparing(ScoredIntent::intentId));
		return settings.decide(ranked, scores[intents.size()]);
	}

	/** How well the query fits each label, from 0 to 1. */
	private double[] scores(SparseVector query) {
		int labelCount = intents.size() + 1;
		double[] first = new double[labelCount];
		double[] second = new double[labelCount];
		int[] counts = new int[labelCount];
		float[] similarities = examples.dotProducts(query);
		for (int example = 0; example < similarities.length; example++) {
			int label = labels[example];
			counts[label]++;
			double similarity = similarities[example];
			if (similarity > first[label]) {
				second[label] = first[label];
				first[label] = similarity;
			}
			else if (similarity > second[label]) {
				second[label] = similarity;
			}
		}
		float[] toCentroid = centroids.dotProducts(query);
		double[] scores = new double[labelCount];
		for (int label = 0; label < labelCount; label++) {
			double nearest = (NEAREST == 2 && counts[label] > 1) ? (first[label] + second[label]) / 2 : first[label];
			scores[label] = NEAREST_SHARE * nearest + (1 - NEAREST_SHARE) * toCentroid[label];
		}
		return scores;
	}

}
