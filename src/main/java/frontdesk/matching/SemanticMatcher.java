package frontdesk.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches texts by meaning and by wording together.
 * <p>
 * Meaning: each sentence model reads a text in several views (the pooled vectors of several layers), and each view
 * has a softmax classifier trained on the examples' vectors of that view. Wording: the {@link LexicalMatcher}'s
 * softmax layer over words, word pairs and character n-grams, which knows the business's own names and catches
 * typos. Every classifier votes with its probabilities, and the confidence in an intent is their normalised
 * geometric mean: the mean of the log-probabilities, turned back into probabilities. One classifier that is sure
 * cannot outvote the others, so the confidence is high only where most of them agree, which is what separates the
 * questions the bot can answer from those it must not. Out-of-scope examples ({@code action: fallback}) are a class
 * of their own in every classifier: a text more likely out of scope than any intent is not answered.
 */
final class SemanticMatcher implements IntentMatcher {

	/** Floor for probabilities before taking logarithms. */
	private static final double TINY = 1e-9;

	/** Intent ids by class; a class after the last intent stands for the out-of-scope examples. */
	private final List<String> intents;

	private final boolean outOfScope;

	private final List<Reader> readers;

	private final LexicalMatcher lexical;

	/** For each of the lexical matcher's labels, our class, or -1. */
	private final int[] lexicalClass;

	private final int voters;

	private final MatchingSettings settings;

	SemanticMatcher(List<String> intents, boolean outOfScope, List<Reader> readers, LexicalMatcher lexical,
			MatchingSettings settings) {
		this.intents = List.copyOf(intents);
		this.outOfScope = outOfScope;
		this.readers = List.copyOf(readers);
		this.lexical = lexical;
		this.settings = settings;
		this.voters = 1 + readers.stream().mapToInt((reader) -> reader.views().size()).sum();
		Map<String, Integer> classes = new LinkedHashMap<>();
		for (int i = 0; i < intents.size(); i++) {
			classes.put(intents.get(i), i);
		}
		List<String> lexicalIntents = lexical.intents();
		int lexicalLabels = lexical.probabilities("").length;
		this.lexicalClass = new int[lexicalLabels];
		for (int label = 0; label < lexicalLabels; label++) {
			this.lexicalClass[label] = (label < lexicalIntents.size()) ? classes.getOrDefault(lexicalIntents.get(label), -1)
					: (outOfScope ? intents.size() : -1);
		}
	}

	@Override
	public MatchResult match(String text) {
		String normalized = TextNormalizer.normalize(text);
		if (normalized.isEmpty() || intents.isEmpty()) {
			return new MatchResult(Verdict.UNKNOWN, List.of());
		}
		double[] probabilities = probabilities(normalized);
		List<ScoredIntent> ranked = new ArrayList<>(intents.size());
		for (int k = 0; k < intents.size(); k++) {
			ranked.add(new ScoredIntent(intents.get(k), Math.min(1, Math.max(0, probabilities[k]))));
		}
		ranked.sort(Comparator.comparingDouble(ScoredIntent::confidence)
			.reversed()
			.thenComparing(ScoredIntent::intentId));
		return settings.decide(ranked, outOfScope ? probabilities[intents.size()] : 0);
	}

	/** The joint probability of each class for a normalised, non-empty text. */
	double[] probabilities(String normalized) {
		int classes = intents.size() + (outOfScope ? 1 : 0);
		double[] joint = new double[classes];
		// the models read the text side by side: each runs on one core
		List<float[]> embeddings = readers.parallelStream().map((reader) -> reader.model().query(normalized)).toList();
		for (int m = 0; m < readers.size(); m++) {
			Reader reader = readers.get(m);
			for (int view = 0; view < reader.views().size(); view++) {
				double[] probabilities = reader.views()
					.get(view)
					.logits(embeddings.get(m), view * reader.model().encoder().width());
				DenseSoftmax.softmaxInPlace(probabilities);
				for (int k = 0; k < classes; k++) {
					joint[k] += Math.log(Math.max(TINY, probabilities[k]));
				}
			}
		}
		double[] wording = new double[classes];
		java.util.Arrays.fill(wording, TINY);
		double[] lexicalProbabilities = lexical.probabilities(normalized);
		for (int label = 0; label < lexicalProbabilities.length; label++) {
			if (lexicalClass[label] >= 0) {
				wording[lexicalClass[label]] = Math.max(TINY, lexicalProbabilities[label]);
			}
		}
		for (int k = 0; k < classes; k++) {
			joint[k] = (joint[k] + Math.log(wording[k])) / voters;
		}
		DenseSoftmax.softmaxInPlace(joint);
		return joint;
	}

	/**
	 * A sentence model and a classifier for each of its views.
	 *
	 * @param model the model's embeddings
	 * @param views one classifier per view, in the model's order
	 */
	record Reader(Embeddings model, List<DenseSoftmax> views) {

		Reader {
			views = List.copyOf(views);
		}

	}

}
