package frontdesk.matching;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
	void refusesALabelThatIsNoIntentTheBotAnswersBeforeTraining() throws IOException {
		Path test = Files.writeString(dir.resolve("test.csv"), """
				text,intent
				where is my order,track_order
				where is my parcel right now,track_orders
				""");

		assertThat(run("--intents", "intents", "--test", test.toString(), "--model", "lexical")).isEqualTo(1);

		assertThat(output()).isEqualTo(test + ", line 3: 'track_orders' is not an intent the bot answers (label each "
				+ "text with the id of one, or with oos for a text the bot must not answer)" + System.lineSeparator());
	}

	@Test
	void checksTheLabelsOfTheValidationFileToo() throws IOException {
		Path test = Files.writeString(dir.resolve("test.csv"), "text,intent\nwhere is my order,track_order\n");
		Path val = Files.writeString(dir.resolve("val.csv"), "text,intent\nhello,greeting\nhi,hello\ntell me a joke,oos\n");

		assertThat(run("--intents", "intents", "--test", test.toString(), "--val", val.toString(), "--model",
				"lexical")).isEqualTo(1);

		assertThat(output()).startsWith(val + ", line 3: 'hello' is not an intent the bot answers");
	}

	@Test
	void refusesATestLabelThatTheTrainingFileDoesNotHave() throws IOException {
		Path train = Files.writeString(dir.resolve("train.csv"), """
				text,intent
				where is my order,track_order
				how much is delivery,shipping_cost
				tell me a joke,oos
				""");
		Path test = Files.writeString(dir.resolve("test.csv"), "text,intent\ncan i pay by card,payment_methods\n");

		assertThat(run("--train", train.toString(), "--test", test.toString(), "--model", "lexical")).isEqualTo(1);

		assertThat(output()).startsWith(test + ", line 2: 'payment_methods' is not an intent the bot answers");
	}

	@Test
	void countsTheLabelOfAnOutOfScopeIntentAsOos() throws IOException {
		Path test = Files.writeString(dir.resolve("test.csv"), """
				text,intent
				where is my parcel right now,track_order
				what's the weather in paris,out_of_scope
				tell me a joke,oos
				""");
		Path json = dir.resolve("result.json");

		assertThat(run("--intents", "intents", "--test", test.toString(), "--model", "lexical", "--json",
				json.toString())).isZero();

		assertThat(Files.readString(json)).contains("\"in_scope_rows\": 1,").contains("\"oos_rows\": 2,");
	}

	@Test
	void namesTheOptionAndWhatItTakesForABadValue() throws IOException {
		Path test = Files.writeString(dir.resolve("test.csv"), "text,intent\nwhere is my order,track_order\n");

		assertThat(run("--intents", "intents", "--test", test.toString(), "--model", "bert")).isEqualTo(1);
		assertThat(output()).endsWith("--model must be semantic or lexical, not 'bert'" + System.lineSeparator());

		assertThat(run("--intents", "intents", "--test", test.toString(), "--criterion", "f1")).isEqualTo(1);
		assertThat(output()).endsWith("--criterion must be accuracy or balanced, not 'f1'" + System.lineSeparator());

		assertThat(run("--intents", "intents", "--test", test.toString(), "--model", "lexical", "--threshold", "0,5"))
			.isEqualTo(1);
		assertThat(output()).endsWith("--threshold must be a number from 0 to 1, written with a point (such as 0.4), "
				+ "not '0,5'" + System.lineSeparator());

		assertThat(run("--intents", "intents", "--test", test.toString(), "--model", "lexical", "--margin", "a bit"))
			.isEqualTo(1);
		assertThat(output()).endsWith("--margin must be a number from 0 to 0.5, written with a point (such as 0.05), "
				+ "not 'a bit'" + System.lineSeparator());
	}

	@Test
	void saysAMissingFileIsNotFound() {
		Path missing = dir.resolve("missing.csv");

		assertThat(run("--intents", "intents", "--test", missing.toString())).isEqualTo(1);

		assertThat(output()).isEqualTo("File not found: " + missing + System.lineSeparator());
	}

	@Test
	void measuresASentenceModelGivenByPath() throws IOException {
		Path model = dir.resolve("minilm.onnx");
		Path tokenizer = dir.resolve("tokenizer.json");
		try (InputStream onnx = getClass().getResourceAsStream("/all-minilm-l6-v2-q.onnx");
				InputStream json = getClass().getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
			Files.copy(onnx, model);
			Files.copy(json, tokenizer);
		}
		Path test = Files.writeString(dir.resolve("test.csv"), """
				text,intent
				where is my parcel right now,track_order
				""");

		assertThat(run("--intents", "intents", "--test", test.toString(), "--model-path", model.toString(),
				"--tokenizer-path", tokenizer.toString(), "--data-dir", data())).isZero();
		assertThat(output()).contains("Matcher semantic (minilm; model loaded in");

		assertThat(run("--intents", "intents", "--test", test.toString(), "--model-path", model.toString()))
			.isEqualTo(1);
		assertThat(output()).contains("model-path and tokenizer-path go together");
	}

	@Test
	void explainsUsageAndBadFiles() {
		assertThat(run("--test")).isEqualTo(2);
		assertThat(output()).contains("--test needs a value", "usage: evaluate");
		assertThat(run("--intents", "intents")).isEqualTo(2);
		assertThat(output()).contains("--test FILE.csv is needed");
		assertThat(run("--test", "test.csv")).isEqualTo(2);
		assertThat(output()).contains("--intents DIR or --train FILE.csv is needed");

		assertThat(run("--intents", "intents", "--test", dir.resolve("missing.csv").toString())).isEqualTo(1);
		assertThat(run("--intents", dir.resolve("nowhere").toString(), "--test", "test.csv")).isEqualTo(1);
		assertThat(output()).contains("--intents " + dir.resolve("nowhere") + ": no such folder")
			.doesNotContain("frontdesk.intents.dir");

		assertThat(run("--intents", "intents", "--test", "test.csv", "--model", "neural")).isEqualTo(1);
		assertThat(run("--intents", "intents", "--test", "test.csv", "--colour", "blue")).isEqualTo(2);
		assertThat(output()).contains("unknown option --colour", "usage: evaluate");
	}
}
