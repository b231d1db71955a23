package frontdesk.matching;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import frontdesk.intent.Intent;
import frontdesk.intent.IntentLoader;
import frontdesk.intent.IntentSet;
import frontdesk.intent.InvalidIntentsException;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * {@code java -jar frontdesk.jar evaluate (--intents DIR | --train FILE.csv) --test FILE.csv [--val FILE.csv]
 * [--threshold X] [--margin X] [--criterion accuracy|balanced] [--model semantic|lexical] [--model-path FILE.onnx
 * --tokenizer-path tokenizer.json [--pooling cls|mean] [--prefix TEXT]] [--data-dir DIR] [--json OUT]}: measures the
 * matcher the way the CLINC150 paper does (Larson et al. 2019). The threshold comes from
 * the validation file when one is given (never from the test file), else from {@code --threshold}, else the default.
 * The margin is the configured one unless {@code --margin} is given: with it, a text whose two best intents score
 * this close gets "Did you mean ...?", which counts as not answered; {@code --margin 0} gives one answer per text,
 * as the paper's protocol does. A label in the test and validation files must be an intent the matcher is trained to
 * answer or {@value Evaluation#OUT_OF_SCOPE}; with {@code --intents}, an out-of-scope intent's id (action: fallback)
 * counts as {@value Evaluation#OUT_OF_SCOPE}. Embeddings of the training examples are cached under the data folder, so a second
 * run embeds only the texts it is tested on. A sentence model given by path (for another language) is measured in
 * place of the bundled ones, as the app's {@code frontdesk.matching.encoder} settings use it.
 */
public final class EvaluateCommand {

	static final String USAGE = "usage: evaluate (--intents DIR | --train FILE.csv) --test FILE.csv [--val FILE.csv] "
			+ "[--threshold X] [--margin X] [--criterion accuracy|balanced] [--model semantic|lexical] "
			+ "[--model-path FILE.onnx --tokenizer-path tokenizer.json [--pooling cls|mean] [--prefix TEXT]] "
			+ "[--data-dir DIR] [--json OUT]";

	private static final Set<String> OPTIONS = Set.of("intents", "train", "test", "val", "threshold", "margin",
			"criterion", "model", "model-path", "tokenizer-path", "pooling", "prefix", "data-dir", "json");

	/**
	 * Test texts matched once, untimed, before the latency is measured: the first few hundred run before the JIT has
	 * compiled the matcher and are slower than the same texts once the bot has been running a while.
	 */
	private static final int WARM_UP = 500;

	private EvaluateCommand() {
	}

	/** Runs the command and returns the process exit code. */
	public static int run(PrintStream out, String... args) {
		// as in the app: the tokenizer library's search for a GPU it does not need is not news
		LoggingSystem.get(EvaluateCommand.class.getClassLoader()).setLogLevel("ai.djl", LogLevel.ERROR);
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			String problem = !args[i].startsWith("--") || !OPTIONS.contains(args[i].substring(2))
					? "unknown option " + args[i] : (i + 1 == args.length) ? args[i] + " needs a value" : null;
			if (problem != null) {
				out.println(problem);
				out.println(USAGE);
				return 2;
			}
			options.put(args[i].substring(2), args[++i]);
		}
		if (!options.containsKey("test") || options.containsKey("intents") == options.containsKey("train")) {
			out.println(!options.containsKey("test") ? "--test FILE.csv is needed"
					: options.containsKey("intents") ? "give --intents or --train, not both"
							: "--intents DIR or --train FILE.csv is needed");
			out.println(USAGE);
			return 2;
		}
		try {
			ModelSettings.Kind kind = choice(options, "model", ModelSettings.Kind.SEMANTIC);
			Evaluation.Criterion criterion = choice(options, "criterion", Evaluation.Criterion.ACCURACY);
			if (options.containsKey("intents") && !Files.isDirectory(Path.of(options.get("intents")))) {
				throw new IllegalArgumentException("--intents " + options.get("intents") + ": no such folder");
			}
			IntentSet intents = options.containsKey("intents") ? IntentLoader.load(Path.of(options.get("intents"))) : null;
			TrainingSet training = intents != null ? Understanding.trainingSet(intents)
					: Evaluation.trainingSet(Evaluation.readCsv(Path.of(options.get("train"))));
			List<String> outOfScopeIntents = intents == null ? List.of()
					: intents.intents().stream().filter((intent) -> !intent.offerable()).map(Intent::id).toList();
			// the files and settings are checked before the model is loaded, so a mistake is told at once
			List<LabelledText> test = Evaluation.readCsv(Path.of(options.get("test")), training, outOfScopeIntents);
			List<LabelledText> validation = options.containsKey("val")
					? Evaluation.readCsv(Path.of(options.get("val")), training, outOfScopeIntents) : null;
			MatchingSettings defaults = MatchingSettings.defaults();
			MatchingSettings settings = new MatchingSettings(decimal(options, "threshold", defaults.threshold(), "0 to 1"),
					decimal(options, "margin", defaults.margin(), "0 to 0.5"), defaults.suggestFrom());
			// the sentence model given by path, as the app's frontdesk.matching.encoder settings give it
			ModelSettings.Encoder encoder = new ModelSettings.Encoder(path(options, "model-path"),
					path(options, "tokenizer-path"), choice(options, "pooling", ModelSettings.Pooling.MEAN),
					options.get("prefix"));
			String source = options.containsKey("threshold") ? "given" : "default";
			long loadStarted = System.nanoTime();
			MatcherFactory factory = factory(kind, settings, encoder, Path.of(options.getOrDefault("data-dir", "data")));
			double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
			if (validation != null) {
				double chosen = Evaluation.chooseThreshold(factory, training, validation, settings.margin(), criterion);
				settings = new MatchingSettings(chosen, settings.margin(), settings.suggestFrom());
				source = "chosen on " + options.get("val") + " by " + criterion.name().toLowerCase(Locale.ROOT);
			}
			long started = System.nanoTime();
			IntentMatcher matcher = factory.train(training, settings);
			double trainSeconds = (System.nanoTime() - started) / 1e9;
			int warmUp = Math.min(WARM_UP, test.size());
			for (int i = 0; i < warmUp; i++) {
				matcher.match(test.get(i).text());
			}
			List<MatchResult> results = new ArrayList<>(test.size());
			long[] nanos = new long[test.size()];
			for (int i = 0; i < test.size(); i++) {
				long before = System.nanoTime();
				results.add(matcher.match(test.get(i).text()));
				nanos[i] = System.nanoTime() - before;
			}
			Evaluation.Result result = Evaluation.measure(test, results);
			Arrays.sort(nanos);
			double p50 = percentile(nanos, 0.50);
			double p99 = percentile(nanos, 0.99);
			out.printf(Locale.ROOT, "Matcher %s%s; trained on %d intents (%d examples, %d out of scope) in %.1f s%n",
					kind.name().toLowerCase(Locale.ROOT),
					(kind == ModelSettings.Kind.SEMANTIC) ? String.format(Locale.ROOT, " (%s; model loaded in %.1f s)",
							SentenceModel.of(encoder).stream().map(SentenceModel::name).collect(Collectors.joining(" + ")),
							loadSeconds)
							: "",
					training.examplesByIntent().size(),
					training.examplesByIntent().values().stream().mapToInt(List::size).sum(),
					training.outOfScopeExamples().size(), trainSeconds);
			out.printf(Locale.ROOT, "Answering from threshold %.2f (%s), margin %.2f; latency per text: median %.2f ms, "
					+ "p99 %.2f ms over %d texts, after %d untimed%n", settings.threshold(), source, settings.margin(),
					p50, p99, test.size(), warmUp);
			out.println(result.report());
			if (options.containsKey("json")) {
				Path json = Path.of(options.get("json"));
				Files.writeString(json,
						json(result, kind, settings, source, p50, p99, trainSeconds, loadSeconds, test.size()));
				out.println("Wrote " + json);
			}
			return 0;
		}
		catch (InvalidIntentsException | IllegalArgumentException | IllegalStateException | UncheckedIOException ex) {
			out.println(ex.getMessage());
			return 1;
		}
		catch (IOException ex) {
			out.println("Cannot write " + options.get("json") + ": " + ex.getMessage());
			return 1;
		}
	}

	/** The constant an option names, in any case; the given one when the option is absent. */
	private static <E extends Enum<E>> E choice(Map<String, String> options, String option, E absent) {
		String value = options.get(option);
		if (value == null) {
			return absent;
		}
		List<String> names = new ArrayList<>();
		for (E each : absent.getDeclaringClass().getEnumConstants()) {
			if (each.name().equalsIgnoreCase(value)) {
				return each;
			}
			names.add(each.name().toLowerCase(Locale.ROOT));
		}
		throw new IllegalArgumentException("--" + option + " must be " + String.join(" or ", names) + ", not '" + value
				+ "'");
	}

	/** The number an option gives; the given one when the option is absent. */
	private static double decimal(Map<String, String> options, String option, double absent, String range) {
		String value = options.get(option);
		if (value == null) {
			return absent;
		}
		try {
			return Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + option + " must be a number from " + range
					+ ", written with a point (such as " + absent + "), not '" + value + "'");
		}
	}

	/** The path an option gives, or null. */
	private static Path path(Map<String, String> options, String option) {
		return options.containsKey(option) ? Path.of(options.get(option)) : null;
	}

	private static MatcherFactory factory(ModelSettings.Kind kind, MatchingSettings settings,
			ModelSettings.Encoder encoder, Path dataDir) {
		if (kind == ModelSettings.Kind.LEXICAL) {
			return new LexicalMatcherFactory(settings);
		}
		SemanticMatcherFactory factory = new SemanticMatcherFactory(settings, encoder, dataDir, ClassifierStore.none());
		factory.load();
		return factory;
	}

	/** The value below which the given share of the sorted durations lie, in milliseconds. */
	private static double percentile(long[] sortedNanos, double share) {
		if (sortedNanos.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(share * sortedNanos.length) - 1;
		return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
	}

	private static String json(Evaluation.Result result, ModelSettings.Kind kind, MatchingSettings settings,
			String source, double p50, double p99, double trainSeconds, double loadSeconds, int rows) {
		return String.format(Locale.ROOT, """
				{
				  "in_scope_accuracy": %s,
				  "oos_recall": %s,
				  "oos_precision": %s,
				  "calibration_error": %s,
				  "threshold": %s,
				  "threshold_source": "%s",
				  "margin": %s,
				  "p50_ms": %s,
				  "p99_ms": %s,
				  "train_seconds": %s,
				  "load_seconds": %s,
				  "test_rows": %d,
				  "in_scope_rows": %d,
				  "in_scope_asked": %d,
				  "oos_rows": %d,
				  "model": "%s"
				}
				""", number(result.inScopeAccuracy()), number(result.outOfScopeRecall()),
				number(result.outOfScopePrecision()), number(result.calibrationError()), number(settings.threshold()),
				source.replace("\\", "\\\\").replace("\"", "\\\""), number(settings.margin()), number(p50),
				number(p99), number(trainSeconds), number(loadSeconds), rows, result.inScopeRows(), result.inScopeAsked(),
				result.outOfScopeRows(), kind.name().toLowerCase(Locale.ROOT));
	}

	/** A JSON number, or null for a measure that has no value (no rows of its kind). */
	private static String number(double value) {
		return (Double.isNaN(value) || Double.isInfinite(value)) ? "null" : String.format(Locale.ROOT, "%.4f", value);
	}

}
