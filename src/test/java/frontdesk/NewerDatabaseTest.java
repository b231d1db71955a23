package frontdesk;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An older Frontdesk started by mistake on a data folder a newer one has brought up to date stops, and says so,
 * rather than write rows the newer one's migrations would never settle.
 */
@ExtendWith(OutputCaptureExtension.class)
class NewerDatabaseTest {

	@Test
	void anOlderFrontdeskStopsOnADatabaseANewerOneMigrated(CapturedOutput output) {
		String[] args = { "--frontdesk.data-dir=./target/test-data/newer-" + System.nanoTime(), "--server.port=0",
				"--frontdesk.telegram.token=", "--frontdesk.matching.model=lexical" };
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class).run(args)) {
			// what a newer Frontdesk's next migration leaves in the history
			new JdbcTemplate(app.getBean(javax.sql.DataSource.class)).update("""
					insert into "flyway_schema_history" ("installed_rank", "version", "description", "type", "script",
					  "checksum", "installed_by", "execution_time", "success")
					values (999, '999', 'from a newer Frontdesk', 'SQL', 'V999__from_a_newer_frontdesk.sql', 0, 'sa', 1,
					  true)""");
		}

		assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class).run(args));

		assertThat(output).contains("APPLICATION FAILED TO START",
				"The database was brought up to date by a newer Frontdesk than this one (it has migration 999, which "
						+ "this one does not know)",
				"Start the newer Frontdesk again, or give this one a copy of the data folder made before the upgrade.");
	}
}
