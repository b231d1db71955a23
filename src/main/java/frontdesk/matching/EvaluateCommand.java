package frontdesk.matching;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import frontdesk.intent.IntentLoader;
import frontdesk.intent.InvalidIntentsException;

/**
 * {@code java -jar frontdesk.jar evaluate (--intents DIR | --train FILE.csv) --test FILE.csv [--val FILE.csv]
 * [--threshold X]}: measures the matcher the way the CLINC150 paper does (Larson et al. 2019). The threshold comes
 * from the validation file when one is given (never from the test file), else from {@code --threshold}, else the
 * default.
 */
public final class EvaluateCommand {

	static final String USAGE = "usage: evaluate (--intents DIR | --train FILE.csv) --test FILE.csv [--val FILE.csv] "
			+ "[--threshold X]";

	private EvaluateCommand() {
	}

	/** Runs the command and returns the process exit code. */
	public static int run(PrintStream out, String... args) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--") || i + 1 == args.length) {
				out.println(USAGE);
				return 2;
			}
			options.put(args[i].substring(2), args[++i]);
		}
		if (!options.containsKey("test") || options.containsKey("intents") == options.containsKey("train")) {
			out.println(USAGE);
			return 2;
		}
		try {
			TrainingSet training = options.containsKey("intents")
					? Understanding.trainingSet(IntentLoader.load(Path.of(options.get("intents"))))
					: Evaluation.trainingSet(Evaluation.readCsv(Path.of(options.get("train"))));
			List<LabelledText> test = Evaluation.readCsv(Path.of(options.get("test")));
			MatchingSettings defaults = MatchingSettings.defaults();
			double threshold = options.containsKey("threshold") ? Double.parseDouble(options.get("threshold"))
					: defaults.threshold();
			String source = options.containsKey("threshold") ? "given" : "default";
			if (options.containsKey("val")) {
				List<LabelledText> validation = Evaluation.readCsv(Path.of(options.get("val")));
				threshold = Evaluation.chooseThreshold(new LexicalMatcherFactory(defaults), training, validation,
						defaults.margin());
				source = "chosen on " + options.get("val");
			}
			long started = System.nanoTime();
			IntentMatcher matcher = new LexicalMatcherFactory(defaults)
				.train(training, new MatchingSettings(threshold, defaults.margin(), defaults.suggestFrom()));
			long trained = System.nanoTime();
			Evaluation.Result result = Evaluation.evaluate(matcher, test);
			long tested = System.nanoTime();
			out.printf("Trained on %d intents in %.1f s; threshold %.2f (%s); %.2f ms per text%n",
					training.examplesByIntent().size(), (trained - started) / 1e9, threshold, source,
					(tested - trained) / 1e6 / Math.max(1, test.size()));
			out.println(result.report());
			return 0;
		}
		catch (InvalidIntentsException | IllegalArgumentException | java.io.UncheckedIOException ex) {
			out.println(ex.getMessage());
			return 1;
		}
	}
}
