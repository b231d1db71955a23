package frontdesk.matching;

import org.springframework.util.Assert;

/**
 * An intent the text may be asking for.
 *
 * @param intentId the intent's id
 * @param confidence how sure the matcher is, from 0 (not at all) to 1 (certain)
 */
public record ScoredIntent(String intentId, double confidence) {

	public ScoredIntent {
		Assert.hasText(intentId, "intentId must not be empty");
		Assert.isTrue(confidence >= 0 && confidence <= 1, () -> "confidence must be in [0,1] but was " + confidence);
	}

}
