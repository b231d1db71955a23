package frontdesk.telegram;

import java.io.IOException;
import java.sql.SQLException;

import com.fasterxml.jackson.core.JsonParseException;
import org.junit.jupiter.api.Test;

import org.springframework.orm.jpa.JpaSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures are the database's own, to be tried again, and which are of what was being stored.
 */
class DatabaseTroubleTest {

	@Test
	void aFullDiskBeneathACommitIsTheDatabases() {
		SQLException general = new SQLException("General error: Writing to the file failed", "HY000", 50000,
				new IllegalStateException("MVStore", new IOException("No space left on device")));

		assertThat(DatabaseTrouble.in(new JpaSystemException(new RuntimeException("Unable to commit", general))))
			.isTrue();
	}

	@Test
	void aReadOnlyClosedOrUnreachableDatabaseIsTheDatabases() {
		assertThat(DatabaseTrouble.in(new RuntimeException(new SQLException("read only", "90097")))).isTrue();
		assertThat(DatabaseTrouble.in(new RuntimeException(new SQLException("closed", "90098")))).isTrue();
		assertThat(DatabaseTrouble.in(new RuntimeException(new SQLException("refused", "08001")))).isTrue();
		assertThat(DatabaseTrouble.in(new RuntimeException(new SQLException("disk full", "53100")))).isTrue();
	}

	@Test
	void whatWasBeingStoredIsAtFaultOtherwise() {
		assertThat(DatabaseTrouble.in(new RuntimeException(new SQLException("duplicate key", "23505")))).isFalse();
		assertThat(DatabaseTrouble.in(new RuntimeException(new SQLException("no state")))).isFalse();
		assertThat(DatabaseTrouble.in(new IllegalStateException(new JsonParseException(null, "not JSON")))).isFalse();
	}
}
