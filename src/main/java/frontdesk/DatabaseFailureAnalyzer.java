package frontdesk;

import java.sql.SQLException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Explains a start-up stopped because the database could not be reached or would not let Frontdesk in (no server at
 * that address, a wrong password, no such database) with the address and user it tried and the settings to look at,
 * or because another Frontdesk has the H2 file open, not with a stack trace.
 */
class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

	private final Environment environment;

	DatabaseFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	/** H2's state for a database file another program (another Frontdesk, most likely) has open. */
	static final String IN_USE = "90020";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
		if (IN_USE.equals(cause.getSQLState())) {
			return new FailureAnalysis("Frontdesk could not open its database " + environment.getProperty(
					"spring.datasource.url", "").replaceAll(";.*", "") + ": another program has it open, most likely "
					+ "another Frontdesk started on the same data folder.",
					"Run one Frontdesk per data folder (and per bot): stop the other one first, or give this one another "
							+ "folder with --frontdesk.data-dir.",
					cause);
		}
		if (!isAboutGettingIn(cause.getSQLState())) {
			return null;
		}
		String url = environment.getProperty("spring.datasource.url", "");
		return new FailureAnalysis("Frontdesk could not use its database " + url.replaceAll("(?i)(password=)[^&;]*",
				"$1…") + " as user '" + environment.getProperty("spring.datasource.username", "") + "': "
				+ cause.getMessage(),
				"Check FRONTDESK_DB_URL, FRONTDESK_DB_USER and FRONTDESK_DB_PASSWORD (or spring.datasource.url, "
						+ "username and password): that the server runs and can be reached there, that the database "
						+ "exists and that the user owns it (see 'PostgreSQL' in README.md).",
				cause);
	}

	/**
	 * Whether the state is of a connection that failed (class 08), a user refused (28) or a database not there (3D);
	 * other errors, such as a migration's, are told as they are.
	 */
	private static boolean isAboutGettingIn(String state) {
		return state != null && (state.startsWith("08") || state.startsWith("28") || state.startsWith("3D"));
	}
}
