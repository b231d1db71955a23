package frontdesk.matching;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;
import org.springframework.validation.annotation.Validated;

/**
 * How sure the matcher must be before the bot answers.
 *
 * @param threshold the confidence the best intent needs to be answered; below it the bot says it is not sure
 * @param margin how close the runner-up may come to the best intent before the bot asks "Did you mean ...?"
 */
@ConfigurationProperties("frontdesk.matching")
@Validated
public record MatchingSettings(@DefaultValue(DEFAULT_THRESHOLD) @DecimalMin("0") @DecimalMax("1") double threshold,
		@DefaultValue(DEFAULT_MARGIN) @DecimalMin("0") @DecimalMax("0.5") double margin) {

	static final String DEFAULT_THRESHOLD = "0.4";

	static final String DEFAULT_MARGIN = "0.05";

	/** The most candidates offered when the bot asks which intent is meant. */
	static final int MAX_CANDIDATES = 3;

	public MatchingSettings {
		Assert.isTrue(threshold >= 0 && threshold <= 1, () -> "threshold must be in [0,1] but was " + threshold);
		Assert.isTrue(margin >= 0 && margin <= 0.5, () -> "margin must be in [0,0.5] but was " + margin);
	}

	/** The settings used when nothing is configured. */
	public static MatchingSettings defaults() {
		return new MatchingSettings(Double.parseDouble(DEFAULT_THRESHOLD), Double.parseDouble(DEFAULT_MARGIN));
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
		if (best < threshold || outOfScope >= best) {
			return new MatchResult(Verdict.UNKNOWN, ranked.subList(0, Math.min(MAX_CANDIDATES, ranked.size())));
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
