package frontdesk;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ticket numbers are the ticket's id in the database; customers and staff see them, so they go on without a gap after
 * Frontdesk stopped suddenly (killed, or the machine lost power) rather than leap ahead.
 */
class TicketNumbersTest {

	private static final String NEW_TICKET = """
			insert into ticket (conversation_id, customer_id, status, after_hours, requested_at, promised_by, version)
			values (1, 1, 'WAITING', false, current_timestamp, current_timestamp, 0)""";

	@TempDir
	Path folder;

	@Test
	void goOnWithoutAGapAfterASuddenStop() throws Exception {
		String url = "jdbc:h2:file:" + folder.resolve("frontdesk") + ";WRITE_DELAY=0";
		JdbcTemplate jdbc = new JdbcTemplate(new SimpleDriverDataSource(new org.h2.Driver(), url, "sa", ""));
		Flyway.configure().dataSource(jdbc.getDataSource()).locations("classpath:db/migration").load().migrate();
		jdbc.update(NEW_TICKET);
		jdbc.execute("shutdown");

		Process killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), TicketNumbersTest.class.getName(), url)
			.inheritIO()
			.start();
		try {
			assertThat(killed.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(killed.exitValue()).isZero();
		}
		finally {
			killed.destroyForcibly();
		}
		jdbc.update(NEW_TICKET);

		assertThat(jdbc.queryForList("select id from ticket order by id", Long.class)).containsExactly(1L, 2L, 3L);
	}

	/** In a process of its own: adds a ticket, then stops as a killed process does, closing nothing. */
	public static void main(String[] args) throws SQLException {
		DriverManager.getConnection(args[0], "sa", "").createStatement().execute(NEW_TICKET);
		Runtime.getRuntime().halt(0);
	}
}
