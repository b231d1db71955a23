package frontdesk.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches texts by meaning and by wording together.
 * <p>
 * Meaning: the text's sentence embedding goes through a softmax classifier trained on the examples' embeddings.
 * Wording: the {@link LexicalMatcher}'s softmax layer over words, word pairs and character n-grams, which knows the
 * business's own names and catches typos. Their log-probabilities are added ({@link #LEXICAL_WEIGHT} for wording)
 * and tempered ({@link #TEMPERATURE}) into one probability per intent; that probability is the confidence. Both
 * constants were chosen on the CLINC150 validation data (never its test data), by the accuracy reached with the best
 * threshold. Out-of-scope examples ({@code action: fallback}) are a class of their own in both parts: a text more
 * likely out of scope than any intent is not answered.
 */
final class SemanticMatcher implements IntentMatcher {

	/** How much the wording counts beside the meaning. */
	static final double LEXICAL_WEIGHT = 0.5;

	/** Flattens (above 1) or sharpens (below 1) the joint probabilities. */
	static final double TEMPERATURE = 1.0;

	/** Floor for probabilities before taking logarithms. */
	private static final double TINY = 1e-9;

	/** Intent ids by class; a class after the last intent stands for the out-of-scope examples. */
	private final List<String> intents;

	private final boolean outOfScope;

	private final Embeddings embeddings;

	private final DenseSoftmax classifier;

	private final LexicalMatcher lexical;

	/** For each of the lexical matcher's labels, our class, or -1. */
	private final int[] lexicalClass;

	private final MatchingSettings settings;

	SemanticMatcher(List<String> intents, boolean outOfScope, Embeddings embeddings, DenseSoftmax classifier,
			LexicalMatcher lexical, MatchingSettings settings) {
		this.intents = List.copyOf(intents);
		this.outOfScope = outOfScope;
		this.embeddings = embeddings;
		this.classifier = classifier;
		this.lexical = lexical;
		this.settings = settings;
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
		double[] meaning = classifier.logits(embeddings.query(normalized));
		DenseSoftmax.softmaxInPlace(meaning);
		double[] wording = new double[meaning.length];
		java.util.Arrays.fill(wording, TINY);
		double[] lexicalProbabilities = lexical.probabilities(normalized);
		for (int label = 0; label < lexicalProbabilities.length; label++) {
			if (lexicalClass[label] >= 0) {
				wording[lexicalClass[label]] = Math.max(TINY, lexicalProbabilities[label]);
			}
		}
		double[] joint = new double[meaning.length];
		for (int k = 0; k < joint.length; k++) {
			joint[k] = (Math.log(Math.max(TINY, meaning[k])) + LEXICAL_WEIGHT * Math.log(wording[k])) / TEMPERATURE;
		}
		DenseSoftmax.softmaxInPlace(joint);
		return joint;
	}

}
