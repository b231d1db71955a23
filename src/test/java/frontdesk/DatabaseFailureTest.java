package frontdesk;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A database that cannot be reached stops the start with the address and user tried and the settings to fix, not a
 * page of stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseFailureTest {

	@Test
	void saysWhichDatabaseCouldNotBeReachedAndWhatToCheck(CapturedOutput output) throws IOException {
		int nobodyListens;
		try (ServerSocket socket = new ServerSocket(0)) {
			nobodyListens = socket.getLocalPort();
		}
		String url = "jdbc:postgresql://127.0.0.1:" + nobodyListens + "/frontdesk?password=hunter2";

		assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class).run("--spring.datasource.url=" + url,
				"--spring.datasource.username=frontdesk", "--spring.datasource.hikari.connection-timeout=2000",
				"--frontdesk.data-dir=./target/test-data/database-failure-" + System.nanoTime(),
				"--frontdesk.telegram.token=", "--frontdesk.matching.model=lexical", "--spring.main.keep-alive=false"));

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Frontdesk could not use its database jdbc:postgresql://127.0.0.1:" + nobodyListens
					+ "/frontdesk?password=… as user 'frontdesk': Connection to 127.0.0.1:" + nobodyListens + " refused")
			.contains("Check FRONTDESK_DB_URL, FRONTDESK_DB_USER and FRONTDESK_DB_PASSWORD")
			.doesNotContain("hunter2");
	}

	@Test
	void saysWhenAnotherFrontdeskHasTheDataFolderOpen() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url",
				"jdbc:h2:file:/srv/frontdesk/data/frontdesk;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
		SQLException inUse = new SQLException("Database may be already in use: \"/srv/frontdesk/data/frontdesk.mv.db\". "
				+ "Possible solutions: close all other connection(s); use the server mode", "90020", 90020);

		FailureAnalysis analysis = new DatabaseFailureAnalyzer(environment)
			.analyze(new IllegalStateException("Failed to start", new RuntimeException(inUse)));

		assertThat(analysis.getDescription()).isEqualTo("Frontdesk could not open its database "
				+ "jdbc:h2:file:/srv/frontdesk/data/frontdesk: another program has it open, most likely another "
				+ "Frontdesk started on the same data folder.");
		assertThat(analysis.getAction()).startsWith("Run one Frontdesk per data folder");
	}
}
