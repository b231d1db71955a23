package frontdesk;

import java.sql.SQLException;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells the connection pool to drop a connection to a database H2 has closed (as it does after a write fails on a
 * full disk): new connections open the file again once there is room, where the old ones would fail for good.
 */
public class ClosedDatabaseEviction implements SQLExceptionOverride {

	/** H2's error code, and SQL state, for a database that was closed. */
	static final int DATABASE_CLOSED = 90098;

	@java.lang.Override
	public SQLExceptionOverride.Override adjudicate(SQLException ex) {
		return ex.getErrorCode() == DATABASE_CLOSED ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
	}
}
