package frontdesk;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.api.exception.FlywayValidateException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up stopped because a newer Frontdesk has migrated the database (an older jar started on the data
 * folder by mistake), without a stack trace.
 */
class NewerDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<FlywayValidateException> {

	/** Flyway's words for a migration the database has and this jar does not, with its version. */
	private static final Pattern NEWER = Pattern.compile("not resolved locally: ([^\\s.]+(?:\\.\\d+)*)");

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, FlywayValidateException cause) {
		Matcher newer = NEWER.matcher(String.valueOf(cause.getMessage()));
		if (!newer.find()) {
			return null;
		}
		return new FailureAnalysis("The database was brought up to date by a newer Frontdesk than this one (it has "
				+ "migration " + newer.group(1) + ", which this one does not know), and this one would write rows the "
				+ "newer one does not expect.",
				"Start the newer Frontdesk again, or give this one a copy of the data folder made before the upgrade.",
				cause);
	}
}
