package frontdesk.matching;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluateCommandTest {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	private int run(String... args) {
		return EvaluateCommand.run(new PrintStream(output, true, StandardCharsets.UTF_8), args);
	}

	private String output() {
		return output.toString(StandardCharsets.UTF_8);
	}

	@Test
	void measuresTheShippedIntentsOnATestFile() throws IOException {
		Path test = Files.writeString(dir.resolve("test.csv"), """
				text,intent
				where is my parcel right now,track_order
				"how much is delivery, roughly",shipping_cost
				what's the weather in paris,oos
				""");

		assertThat(run("--intents", "intents", "--test", test.toString())).isZero();

		assertThat(output()).contains("threshold 0.40 (default)").containsIgnoringCase("in-scope accuracy")
			.containsIgnoringCase("out-of-scope recall");
	}

	@Test
	void choosesTheThresholdOnTheValidationFile() throws IOException {
		String rows = """
				text,intent
				track my order,track
				where is my package,track
				how much is shipping,shipping
				what does delivery cost,shipping
				tell me a joke,oos
				""";
		Path train = Files.writeString(dir.resolve("train.csv"), rows);
		Path val = Files.writeString(dir.resolve("val.csv"), "text,intent\nwhere is my order,track\nsing a song,oos\n");

		assertThat(run("--train", train.toString(), "--test", val.toString(), "--val", val.toString())).isZero();

		assertThat(output()).contains("chosen on " + val);
	}

	@Test
	void explainsUsageAndBadFiles() {
		assertThat(run("--test")).isEqualTo(2);
		assertThat(output()).contains("usage: evaluate");

		assertThat(run("--intents", "intents", "--test", dir.resolve("missing.csv").toString())).isEqualTo(1);
	}
}
