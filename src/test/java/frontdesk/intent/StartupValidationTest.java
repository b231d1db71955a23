package frontdesk.intent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import frontdesk.Application;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class StartupValidationTest {

	@TempDir
	Path dir;

	@Test
	void refusesToStartOnInvalidIntentsAndSaysWhereAndWhat(CapturedOutput output) throws IOException {
		Files.writeString(dir.resolve("shop.yml"), """
				intents:
				  - id: greeting
				    examples: [hello]
				    answer: "Hi!"
				    suggest: [refunds]
				""");

		assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class).run(
				"--frontdesk.intents.dir=" + dir, "--frontdesk.data-dir=./target/test-data/startup-" + System.nanoTime(),
				"--frontdesk.telegram.token=", "--spring.main.keep-alive=false"))
			.hasRootCauseInstanceOf(InvalidIntentsException.class);

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains(dir.resolve("shop.yml") + ":5: intent 'greeting' suggests unknown intent 'refunds'")
			.contains("Fix the intent files listed above");
	}
}
