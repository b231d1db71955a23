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

	private String data() {
		return Path.of("target", "test-data", "evaluate").toString();
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

		assertThat(run("--intents", "intents", "--test", test.toString(), "--data-dir", data())).isZero();

		assertThat(output()).contains("threshold 0.40 (default)").containsIgnoringCase("in-scope accuracy")
			.containsIgnoringCase("out-of-scope recall")
			.contains("Matcher semantic")
			.containsPattern("latency per text: median [0-9.]+ ms, p99 [0-9.]+ ms");
	}

	@Test
	void writesTheMeasurementsAsJson() throws IOException {
		Path test = Files.writeString(dir.resolve("test.csv"), """
				text,intent
				where is my parcel right now,track_order
				how much is delivery,shipping_cost
				what's the weather in paris,oos
				""");
		Path json = dir.resolve("result.json");

		assertThat(run("--intents", "intents", "--test", test.toString(), "--model", "lexical", "--json",
				json.toString())).isZero();

		assertThat(output()).contains("Matcher lexical");
		String written = Files.readString(json);
		for (String key : new String[] { "in_scope_accuracy", "oos_recall", "oos_precision", "calibration_error",
				"threshold", "p50_ms", "p99_ms", "train_seconds" }) {
			assertThat(written).containsPattern("\"" + key + "\": [0-9.]+,?\n");
		}
		assertThat(written).contains("\"test_rows\": 3,");
	}

	@Test
	void printsTheMostConfusedIntents() throws IOException {
		Path test = Files.writeString(dir.resolve("test.csv"), """
				text,intent
				where is my parcel right now,shipping_cost
				where is my order,shipping_cost
				""");

		assertThat(run("--intents", "intents", "--test", test.toString(), "--model", "lexical")).isZero();

		assertThat(output()).contains("Most confused").containsPattern("2\\s+shipping_cost -> track_order");
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

		assertThat(run("--train", train.toString(), "--test", val.toString(), "--val", val.toString(), "--model",
				"lexical")).isZero();

		assertThat(output()).contains("chosen on " + val + " by accuracy");
	}

	@Test
	void answersWithTheGivenMargin() throws IOException {
		Path test = Files.writeString(dir.resolve("test.csv"), "text,intent\nwhere is my parcel,track_order\n");
		Path json = dir.resolve("result.json");

		assertThat(run("--intents", "intents", "--test", test.toString(), "--model", "lexical")).isZero();
		assertThat(output()).contains("threshold 0.40 (default), margin 0.05;");

		assertThat(run("--intents", "intents", "--test", test.toString(), "--model", "lexical", "--margin", "0",
				"--json", json.toString())).isZero();
		assertThat(output()).contains("threshold 0.40 (default), margin 0.00;");
		assertThat(Files.readString(json)).contains("\"margin\": 0.0000,");

		assertThat(run("--intents", "intents", "--test", test.toString(), "--margin", "0.9")).isEqualTo(1);
		assertThat(output()).contains("margin must be in [0,0.5] but was 0.9");
	}

	@Test
	void explainsUsageAndBadFiles() {
		assertThat(run("--test")).isEqualTo(2);
		assertThat(output()).contains("usage: evaluate");

		assertThat(run("--intents", "intents", "--test", dir.resolve("missing.csv").toString())).isEqualTo(1);

		assertThat(run("--intents", "intents", "--test", "test.csv", "--model", "neural")).isEqualTo(1);
		assertThat(run("--intents", "intents", "--test", "test.csv", "--colour", "blue")).isEqualTo(2);
	}
}
