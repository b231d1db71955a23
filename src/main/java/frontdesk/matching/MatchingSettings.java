package frontdesk.matching;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;
import org.springframework.validation.annotation.Validated;

/**
 * How sure the matcher must be before the bot answers. The default threshold was measured with the semantic matcher
 * on the CLINC150 data set, for a shop's, a bank's and an app's number of intents ({@code scripts/clinc150-to-csv.py
 * --intents}): 30 intents of 10 examples, 70 of 30 and 150 of 100. Validation data picks thresholds of 0.48, 0.33 and
 * 0.30; at 0.40 the test data's in-scope accuracy is 97.7 %, 95.6 % and 96.2 %, at most 0.4 points below the picked
 * threshold's, and out-of-scope recall is 84 %, 81 % and 75 %. 0.40 serves all three and errs towards not answering.
 *
 * @param threshold the confidence the best intent needs to be answered; below it the bot says it is not sure
 * @param margin how close the runner-up may come to the best intent before the bot asks "Did you mean ...?"
 * @param suggestFrom below the threshold but at or above this confidence, the bot does not give up but asks
 * "Did you mean ...?" with the intents that scored this much
 */
@ConfigurationProperties("frontdesk.matching")
@Validated
public record MatchingSettings(@DefaultValue(DEFAULT_THRESHOLD) @DecimalMin("0") @DecimalMax("1") double threshold,
		@DefaultValue(DEFAULT_MARGIN) @DecimalMin("0") @DecimalMax("0.5") double margin,
		@DefaultValue(DEFAULT_SUGGEST_FROM) @DecimalMin("0") @DecimalMax("1") double suggestFrom) {

	static final String DEFAULT_THRESHOLD = "0.4";

	static final String DEFAULT_MARGIN = "0.05";

	static final String DEFAULT_SUGGEST_FROM = "0.25";

	/** The most candidates offered when the bot asks which intent is meant. */
	static final int MAX_CANDIDATES = 3;

	@ConstructorBinding
	public MatchingSettings {
		Assert.isTrue(threshold >= 0 && threshold <= 1, () -> "threshold must be in [0,1] but was " + threshold);
		Assert.isTrue(margin >= 0 && margin <= 0.5, () -> "margin must be in [0,0.5] but was " + margin);
		Assert.isTrue(suggestFrom >= 0 && suggestFrom <= 1, () -> "suggest-from must be in [0,1] but was " + suggestFrom);
	}

	/** Settings that never ask "Did you mean ...?" below the threshold. */
	public MatchingSettings(double threshold, double margin) {
		this(threshold, margin, threshold);
	}

	/** The settings used when nothing is configured. */
	public static MatchingSettings defaults() {
		return new MatchingSettings(Double.parseDouble(DEFAULT_THRESHOLD), Double.parseDouble(DEFAULT_MARGIN),
				Double.parseDouble(DEFAULT_SUGGEST_FROM));
	}

	/**
	 * Whether a best intent this sure is sure enough to answer: below the threshold the bot at most asks "Did you mean
	 * …?".
	 */
	public boolean sure(double confidence) {
		return confidence >= threshold;
	}

	/**
	 * Decides what to do with a text from its scores.
	 * @param ranked the in-scope intents that scored, best first
	 * @param outOfScope the score of the examples the bot must not answer, on the same scale
	 */
	MatchResult decide(List<ScoredIntent> ranked, double outOfScope) {
		if (ranked.isEmpty()) {
			return new MatchResult(Verdict.UNKNOWN, List.of());
		}
		double best = ranked.get(0).confidence();
		List<ScoredIntent> top = ranked.subList(0, Math.min(MAX_CANDIDATES, ranked.size()));
		if (outOfScope >= best || best < Math.min(threshold, suggestFrom)) {
			return new MatchResult(Verdict.UNKNOWN, top);
		}
		if (!sure(best)) {
			return new MatchResult(Verdict.AMBIGUOUS,
					top.stream().filter(candidate -> candidate.confidence() >= suggestFrom).toList());
		}
		List<ScoredIntent> close = new ArrayList<>();
		for (ScoredIntent candidate : ranked) {
			if (close.size() == MAX_CANDIDATES || best - candidate.confidence() > margin) {
				break;
			}
			close.add(candidate);
		}
		return (close.size() > 1) ? new MatchResult(Verdict.AMBIGUOUS, close)
				: new MatchResult(Verdict.CONFIDENT, close);
	}

}
