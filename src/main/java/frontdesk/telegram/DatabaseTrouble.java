package frontdesk.telegram;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Set;

/**
 * Failures of the database itself rather than of what was being stored: it cannot write (a read-only or full disk), it
 * was closed, or its server is going down. Such a failure passes once the disk is put right or the server is back, so
 * what failed is tried again, never set aside as if the update itself were at fault.
 */
final class DatabaseTrouble {

	/** SQL states of such failures, H2's and PostgreSQL's. */
	private static final Set<String> STATES = Set.of(
			// H2: the database is read only; it was closed (after a failed write, say); a file could not be read or
			// written; no disk space
			"90097", "90098", "90028", "90031", "90100",
			// PostgreSQL: a read-only transaction (a standby); the server is shutting down or starting
			"25006", "57P01", "57P02", "57P03");

	/** Classes of SQL states: the connection failed; the server ran out of a resource (disk, memory). */
	private static final Set<String> CLASSES = Set.of("08", "53");

	private DatabaseTrouble() {
	}

	/** Whether the failure, or one of its causes, is the database's own. */
	static boolean in(Throwable failure) {
		boolean fromTheDatabase = false;
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof SQLException sql) {
				String state = Objects.requireNonNullElse(sql.getSQLState(), "");
				if (STATES.contains(state) || (state.length() >= 2 && CLASSES.contains(state.substring(0, 2)))) {
					return true;
				}
				fromTheDatabase = true;
			}
			// beneath a database error: a file it could not write, as on a full disk
			if (fromTheDatabase && cause instanceof IOException) {
				return true;
			}
		}
		return false;
	}
}
