package frontdesk.matching;

import java.util.List;
import java.util.Optional;

import org.springframework.util.Assert;

/**
 * What a text was matched to.
 *
 * @param verdict whether to answer, ask which intent is meant, or admit not knowing
 * @param candidates best first; the answer when {@link Verdict#CONFIDENT}, the intents to choose from when
 * {@link Verdict#AMBIGUOUS}, the best guesses when {@link Verdict#UNKNOWN}. Never contains out-of-scope labels;
 * empty only when nothing scored at all
 */
public record MatchResult(Verdict verdict, List<ScoredIntent> candidates) {

	public MatchResult {
		Assert.notNull(verdict, "verdict must not be null");
		candidates = List.copyOf(candidates);
		Assert.isTrue(verdict == Verdict.UNKNOWN || !candidates.isEmpty(), () -> verdict + " needs a candidate");
	}

	/** The best candidate, if anything scored. */
	public Optional<ScoredIntent> best() {
		return candidates.stream().findFirst();
	}

}
