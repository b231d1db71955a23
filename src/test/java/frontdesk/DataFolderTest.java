package frontdesk;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data folder given without {@code ./} (as {@code FRONTDESK_DATADIR=data} gives it) is taken from the working folder,
 * where H2 on its own refuses such a path.
 */
class DataFolderTest {

	@Test
	void aRelativeDataFolderIsTakenFromTheWorkingFolder() {
		String relative = "target/test-data/relative-" + System.nanoTime();

		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class).run(
				"--frontdesk.data-dir=" + relative, "--server.port=0", "--frontdesk.telegram.token=",
				"--frontdesk.matching.model=lexical")) {
			Path absolute = Path.of(relative).toAbsolutePath();
			assertThat(app.getEnvironment().getProperty("frontdesk.data-dir")).isEqualTo(absolute.toString());
			assertThat(app.getEnvironment().getProperty("spring.datasource.url"))
				.startsWith("jdbc:h2:file:" + absolute + "/frontdesk;");
			assertThat(absolute.resolve("frontdesk.mv.db")).satisfies(file -> assertThat(Files.exists(file)).isTrue());
		}
	}
}
