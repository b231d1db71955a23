package frontdesk.intent;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up stopped by invalid intent files with the list of problems, not a stack trace.
 */
class InvalidIntentsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidIntentsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidIntentsException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Fix the intent files listed above (see 'Writing intents' in README.md), or point "
						+ "frontdesk.intents.dir to another folder.",
				cause);
	}
}
