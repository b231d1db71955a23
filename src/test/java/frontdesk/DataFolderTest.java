package frontdesk;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data folder given without {@code ./} (as {@code FRONTDESK_DATADIR=data} gives it) is taken from the working folder,
 * where H2 on its own refuses such a path.
 */
@ExtendWith(OutputCaptureExtension.class)
class DataFolderTest {

	@Test
	void aRelativeDataFolderIsTakenFromTheWorkingFolderAndANewDatabaseThereIsSaid(CapturedOutput output) {
		String relative = "target/test-data/relative-" + System.nanoTime();

		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class).run(
				"--frontdesk.data-dir=" + relative, "--server.port=0", "--frontdesk.telegram.token=",
				"--frontdesk.matching.model=lexical")) {
			Path absolute = Path.of(relative).toAbsolutePath();
			assertThat(app.getEnvironment().getProperty("frontdesk.data-dir")).isEqualTo(absolute.toString());
			assertThat(app.getEnvironment().getProperty("spring.datasource.url"))
				.startsWith("jdbc:h2:file:" + absolute + "/frontdesk;");
			assertThat(absolute.resolve("frontdesk.mv.db")).satisfies(file -> assertThat(Files.exists(file)).isTrue());
			assertThat(output).contains("There is no frontdesk.mv.db in the data folder " + absolute
					+ ": Frontdesk starts with a new, empty database there.");
		}
	}
}
