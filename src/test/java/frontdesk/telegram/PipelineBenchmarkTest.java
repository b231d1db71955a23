package frontdesk.telegram;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import frontdesk.Application;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code bench} command: what it prints and what it leaves behind, not how fast it is.
 */
class PipelineBenchmarkTest {

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

	private String output() {
		return printed.toString(StandardCharsets.UTF_8);
	}

	@Test
	void pushesTheUpdatesThroughThePipelineAndDeletesItsScratchFolder() throws Exception {
		int exit = PipelineBenchmark.run(Application.class, out, "--updates", "300", "--chats", "30");

		assertThat(exit).as(output()).isZero();
		assertThat(output()).contains("300 updates from 30 chats", "pipeline: 300 updates in ", "memory: heap used");
		Matcher sent = Pattern.compile("outbox: (\\d+) queued requests sent to the sink").matcher(output());
		assertThat(sent.find()).as(output()).isTrue();
		assertThat(Integer.parseInt(sent.group(1))).as("a reply to each update, at least").isGreaterThanOrEqualTo(300);
		Matcher folder = Pattern.compile("H2 file database in (\\S+), ").matcher(output());
		assertThat(folder.find()).isTrue();
		assertThat(Path.of(folder.group(1))).doesNotExist();
	}

	@Test
	void saysWhatIsWrongWithItsOptions() throws Exception {
		assertThat(PipelineBenchmark.run(Application.class, out, "--update", "300")).isEqualTo(2);
		assertThat(PipelineBenchmark.run(Application.class, out, "--updates", "many")).isEqualTo(1);
		assertThat(PipelineBenchmark.run(Application.class, out, "--chats", "0")).isEqualTo(1);
		assertThat(PipelineBenchmark.run(Application.class, out, "--intents", "no-such-folder")).isEqualTo(1);
		Path broken = Files.createDirectories(Path.of("target/test-data/bench-broken-intents"));
		Files.writeString(broken.resolve("shop.yml"),
				"intents:\n  - id: Bad Id\n    examples: [hello]\n    answer: hi\n");
		assertThat(PipelineBenchmark.run(Application.class, out, "--intents", broken.toString())).isEqualTo(1);

		assertThat(output()).contains(PipelineBenchmark.USAGE)
			.contains("--updates must be a whole number above 0, such as 20000, not 'many'")
			.contains("--chats must be a whole number above 0, such as 500, not '0'")
			.contains("No intents folder at " + Path.of("no-such-folder").toAbsolutePath())
			.contains("shop.yml")
			.doesNotContain("Exception");
	}
}
