package frontdesk.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Measures a matcher on labelled texts the way the CLINC150 paper (Larson et al. 2019) does: in-scope accuracy and
 * out-of-scope recall, plus which intents go wrong and how.
 */
public final class Evaluation {

	/** The label of texts that must not be answered. */
	public static final String OUT_OF_SCOPE = "oos";

	private static final List<String> HEADER = List.of("text", "intent");

	private static final int THRESHOLD_STEPS = 100;

	private static final int SHOWN_PREDICTIONS = 3;

	private static final int SHOWN_PAIRS = 15;

	/** Confidence is split into this many bands of equal width to compare it with how often the matcher is right. */
	private static final int CONFIDENCE_BANDS = 10;

	private Evaluation() {
	}

	/**
	 * Reads labelled texts from a CSV file with the header {@code text,intent} (RFC 4180 quoting, UTF-8).
	 * @param file the CSV file
	 * @return the rows in file order; blank lines are skipped
	 * @throws IllegalArgumentException naming the file and line of a malformed row
	 * @throws UncheckedIOException when the file cannot be read
	 */
	public static List<LabelledText> readCsv(Path file) {
		return read(file, null);
	}

	/**
	 * Reads labelled texts as {@link #readCsv(Path)} does, to measure a matcher trained on the given examples: a label
	 * that is neither one of their intents, nor {@value #OUT_OF_SCOPE}, nor the id of an intent the bot does not answer
	 * (action: fallback, which counts as {@value #OUT_OF_SCOPE}, as the bot treats it) is a mistake, such as a typo,
	 * which would otherwise count as a wrong answer.
	 * @param file the CSV file
	 * @param training what the matcher is trained on
	 * @param outOfScopeIntents ids of intents the bot does not answer; empty for a matcher trained on a CSV file
	 * @return the rows in file order; blank lines are skipped
	 * @throws IllegalArgumentException naming the file and line of a malformed row or of an unknown label
	 * @throws UncheckedIOException when the file cannot be read
	 */
	public static List<LabelledText> readCsv(Path file, TrainingSet training, Collection<String> outOfScopeIntents) {
		Map<String, String> labels = new HashMap<>();
		labels.put(OUT_OF_SCOPE, OUT_OF_SCOPE);
		outOfScopeIntents.forEach((intent) -> labels.put(intent, OUT_OF_SCOPE));
		training.examplesByIntent().keySet().forEach((intent) -> labels.put(intent, intent));
		return read(file, labels);
	}

	/** Reads labelled texts; {@code labels}, unless null, holds every allowed label with what it counts as. */
	private static List<LabelledText> read(Path file, Map<String, String> labels) {
		String content;
		try {
			content = Files.readString(file);
		}
		catch (NoSuchFileException ex) {
			throw new UncheckedIOException("File not found: " + file, ex);
		}
		catch (CharacterCodingException ex) {
			throw new UncheckedIOException("Cannot read " + file + " as UTF-8 text", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file + ": " + ex.getMessage(), ex);
		}
		if (content.startsWith("\uFEFF")) {
			content = content.substring(1);
		}
		List<Csv.Row> rows = Csv.parse(file.toString(), content).stream().filter((row) -> !row.blank()).toList();
		if (rows.isEmpty() || !HEADER.equals(rows.get(0).fields().stream().map(Evaluation::lowerCase).toList())) {
			throw new IllegalArgumentException(file + ", line " + (rows.isEmpty() ? 1 : rows.get(0).line())
					+ ": expected the header text,intent");
		}
		List<LabelledText> texts = new ArrayList<>();
		for (Csv.Row row : rows.subList(1, rows.size())) {
			String problem = problem(row.fields());
			if (problem != null) {
				throw new IllegalArgumentException(file + ", line " + row.line() + ": " + problem);
			}
			String label = row.fields().get(1).strip();
			if (labels != null && !labels.containsKey(label)) {
				throw new IllegalArgumentException(file + ", line " + row.line() + ": '" + label
						+ "' is not an intent the bot answers (label each text with the id of one, or with "
						+ OUT_OF_SCOPE + " for a text the bot must not answer)");
			}
			texts.add(new LabelledText(row.fields().get(0), labels == null ? label : labels.get(label)));
		}
		return texts;
	}

	private static String problem(List<String> fields) {
		if (fields.size() != 2) {
			return "expected 2 fields (text,intent) but found " + fields.size();
		}
		if (fields.get(0).isBlank()) {
			return "the text is empty";
		}
		if (fields.get(1).isBlank()) {
			return "the intent is empty";
		}
		return null;
	}

	private static String lowerCase(String field) {
		return field.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * Groups labelled texts into training data; texts labelled {@value #OUT_OF_SCOPE} become out-of-scope examples,
	 * and without any the built-in ones stand in, as they do for the bot's intents.
	 * @param rows the labelled texts
	 * @return the training set
	 */
	public static TrainingSet trainingSet(List<LabelledText> rows) {
		Map<String, List<String>> examples = new TreeMap<>();
		List<String> outOfScope = new ArrayList<>();
		for (LabelledText row : rows) {
			if (row.outOfScope()) {
				outOfScope.add(row.text());
			}
			else {
				examples.computeIfAbsent(row.intent(), (intent) -> new ArrayList<>()).add(row.text());
			}
		}
		return new TrainingSet(examples, outOfScope).orBuiltInOutOfScope();
	}

	/**
	 * Matches every row and measures the answers.
	 * @param matcher the matcher to measure
	 * @param rows the test texts
	 * @return the measurements
	 */
	public static Result evaluate(IntentMatcher matcher, List<LabelledText> rows) {
		return measure(rows, rows.stream().map((row) -> matcher.match(row.text())).toList());
	}

	/**
	 * How a threshold is chosen on validation data.
	 */
	public enum Criterion {

		/**
		 * The highest accuracy over all validation rows, each counting once: an in-scope row is right when answered
		 * with its intent, an out-of-scope row when not answered (the paper's overall accuracy, with out-of-scope as
		 * one more class).
		 */
		ACCURACY,

		/** The highest sum of in-scope accuracy and out-of-scope recall, however many rows each has. */
		BALANCED

	}

	/**
	 * Chooses the threshold on validation data by {@link Criterion#BALANCED}.
	 * @see #chooseThreshold(MatcherFactory, TrainingSet, List, double, Criterion)
	 */
	public static double chooseThreshold(MatcherFactory factory, TrainingSet training, List<LabelledText> validation,
			double margin) {
		return chooseThreshold(factory, training, validation, margin, Criterion.BALANCED);
	}

	/**
	 * Chooses the threshold on validation data (never the test data): the one that scores best by the criterion, the
	 * highest such threshold when several tie. Trains once with threshold 0 and sweeps 0, 0.01, ..., 1 over the
	 * results, since raising the threshold only turns answers into {@link Verdict#UNKNOWN}.
	 * @param factory makes the matcher
	 * @param training the examples to train on
	 * @param validation labelled texts with both in-scope and out-of-scope rows
	 * @param margin the margin the matcher will be used with
	 * @param criterion what makes a threshold best
	 * @return the chosen threshold
	 */
	public static double chooseThreshold(MatcherFactory factory, TrainingSet training, List<LabelledText> validation,
			double margin, Criterion criterion) {
		if (validation.stream().allMatch(LabelledText::outOfScope)
				|| validation.stream().noneMatch(LabelledText::outOfScope)) {
			throw new IllegalArgumentException("Validation data needs both in-scope and out-of-scope rows");
		}
		IntentMatcher matcher = factory.train(training, new MatchingSettings(0, margin));
		List<MatchResult> results = validation.stream().map((row) -> matcher.match(row.text())).toList();
		double chosen = 0;
		double bestScore = -1;
		for (int step = 0; step <= THRESHOLD_STEPS; step++) {
			double threshold = (double) step / THRESHOLD_STEPS;
			Result result = measure(validation, results.stream().map((r) -> atThreshold(r, threshold)).toList());
			double score = (criterion == Criterion.BALANCED) ? result.inScopeAccuracy() + result.outOfScopeRecall()
					: (double) (result.inScopeCorrect() + result.outOfScopeRejected())
							/ (result.inScopeRows() + result.outOfScopeRows());
			if (score >= bestScore) {
				bestScore = score;
				chosen = threshold;
			}
		}
		return chosen;
	}

	private static MatchResult atThreshold(MatchResult result, double threshold) {
		boolean below = result.best().map((best) -> best.confidence() < threshold).orElse(true);
		return below ? new MatchResult(Verdict.UNKNOWN, result.candidates()) : result;
	}

	/**
	 * Measures given answers.
	 * @param rows the test texts
	 * @param results what the matcher said to each, in order
	 */
	static Result measure(List<LabelledText> rows, List<MatchResult> results) {
		int inScope = 0;
		int correct = 0;
		int wrongAnswers = 0;
		int outOfScope = 0;
		int rejected = 0;
		int asked = 0;
		Map<String, Integer> rowsByIntent = new TreeMap<>();
		Map<String, Map<String, Integer>> wrongByIntent = new TreeMap<>();
		for (int i = 0; i < rows.size(); i++) {
			LabelledText row = rows.get(i);
			MatchResult result = results.get(i);
			String answer = answer(result);
			boolean right = row.outOfScope() ? !isIntent(answer) : row.intent().equals(answer);
			rowsByIntent.merge(row.intent(), 1, Integer::sum);
			if (row.outOfScope()) {
				outOfScope++;
				rejected += right ? 1 : 0;
			}
			else {
				inScope++;
				correct += right ? 1 : 0;
				wrongAnswers += (!right && isIntent(answer)) ? 1 : 0;
				asked += (result.verdict() == Verdict.AMBIGUOUS
						&& result.best().map(ScoredIntent::intentId).orElse("").equals(row.intent())) ? 1 : 0;
			}
			if (!right) {
				wrongByIntent.computeIfAbsent(row.intent(), (intent) -> new TreeMap<>()).merge(answer, 1, Integer::sum);
			}
		}
		List<IntentErrors> errors = new ArrayList<>();
		List<ConfusedPair> pairs = new ArrayList<>();
		wrongByIntent.forEach((intent, wrong) -> {
			errors.add(IntentErrors.of(intent, rowsByIntent.get(intent), wrong));
			wrong.forEach((answer, count) -> pairs.add(new ConfusedPair(intent, answer, count)));
		});
		pairs.sort(Comparator.comparingInt(ConfusedPair::count)
			.reversed()
			.thenComparing(ConfusedPair::expected)
			.thenComparing(ConfusedPair::answer));
		errors.sort(Comparator.comparingInt(IntentErrors::wrong).reversed().thenComparing(IntentErrors::intent));
		return new Result(inScope, correct, wrongAnswers, asked, outOfScope, rejected, errors,
				pairs.subList(0, Math.min(SHOWN_PAIRS, pairs.size())), calibration(rows, results));
	}

	/**
	 * The texts in bands of confidence in their best intent, whatever the verdict, and how often that intent was
	 * right in each band.
	 */
	private static List<ConfidenceBand> calibration(List<LabelledText> rows, List<MatchResult> results) {
		int[] texts = new int[CONFIDENCE_BANDS];
		int[] right = new int[CONFIDENCE_BANDS];
		double[] confidence = new double[CONFIDENCE_BANDS];
		for (int i = 0; i < rows.size(); i++) {
			String expected = rows.get(i).intent();
			Optional<ScoredIntent> best = results.get(i).best();
			double sure = best.map(ScoredIntent::confidence).orElse(0.0);
			int band = Math.min(CONFIDENCE_BANDS - 1, (int) (sure * CONFIDENCE_BANDS));
			texts[band]++;
			confidence[band] += sure;
			right[band] += best.filter((intent) -> intent.intentId().equals(expected)).isPresent() ? 1 : 0;
		}
		List<ConfidenceBand> bands = new ArrayList<>();
		for (int band = 0; band < CONFIDENCE_BANDS; band++) {
			if (texts[band] > 0) {
				bands.add(new ConfidenceBand((double) band / CONFIDENCE_BANDS, (double) (band + 1) / CONFIDENCE_BANDS,
						texts[band], confidence[band] / texts[band], (double) right[band] / texts[band]));
			}
		}
		return bands;
	}

	/** The intent answered confidently, or the verdict's name when the bot did not answer. */
	private static String answer(MatchResult result) {
		return (result.verdict() == Verdict.CONFIDENT) ? result.best().orElseThrow().intentId()
				: result.verdict().name();
	}

	private static boolean isIntent(String answer) {
		return !answer.equals(Verdict.AMBIGUOUS.name()) && !answer.equals(Verdict.UNKNOWN.name());
	}

	/**
	 * The measurements of a matcher on test texts.
	 *
	 * @param inScopeRows how many texts should be answered
	 * @param inScopeCorrect how many of those were answered confidently with the right intent
	 * @param inScopeWrong how many of those were answered confidently with a wrong intent
	 * @param inScopeAsked how many of those got "Did you mean ...?" with the right intent first: not answered, but
	 * one tap away
	 * @param outOfScopeRows how many texts must not be answered
	 * @param outOfScopeRejected how many of those were not answered confidently
	 * @param errors the intents with wrong answers, most wrong first
	 * @param confusedPairs the most common mistakes over all intents, most common first
	 * @param calibration how sure the matcher was of its best intent against how often that intent was right, by
	 * band of confidence, lowest first; bands without texts are left out
	 */
	public record Result(int inScopeRows, int inScopeCorrect, int inScopeWrong, int inScopeAsked, int outOfScopeRows,
			int outOfScopeRejected, List<IntentErrors> errors, List<ConfusedPair> confusedPairs,
			List<ConfidenceBand> calibration) {

		public Result {
			errors = List.copyOf(errors);
			confusedPairs = List.copyOf(confusedPairs);
			calibration = List.copyOf(calibration);
		}

		/**
		 * How far the confidence is from the share of right best intents, averaged over all texts (the expected
		 * calibration error): 0 when a confidence of 0.8 means right 8 times in 10; NaN without texts.
		 */
		public double calibrationError() {
			int texts = calibration.stream().mapToInt(ConfidenceBand::texts).sum();
			return calibration.stream()
				.mapToDouble((band) -> band.texts() * Math.abs(band.meanConfidence() - band.right()))
				.sum() / texts;
		}

		/**
		 * The share of out-of-scope texts among the texts not answered (the ones judged out of scope), NaN when all
		 * were answered.
		 */
		public double outOfScopePrecision() {
			int notAnswered = outOfScopeRejected + inScopeRows - inScopeCorrect - inScopeWrong;
			return (double) outOfScopeRejected / notAnswered;
		}

		/** The share of in-scope texts answered confidently with the right intent, NaN without such texts. */
		public double inScopeAccuracy() {
			return (double) inScopeCorrect / inScopeRows;
		}

		/** The share of out-of-scope texts not answered confidently, NaN without such texts. */
		public double outOfScopeRecall() {
			return (double) outOfScopeRejected / outOfScopeRows;
		}

		/** The measurements as text, laid out like the results tables of the CLINC150 paper. */
		public String report() {
			StringBuilder report = new StringBuilder();
			report.append(String.format(Locale.ROOT, "%-22s %9s %9s %8s%n", "", "correct", "of", "score"));
			report.append(line("In-scope accuracy", inScopeCorrect, inScopeRows, inScopeAccuracy()));
			report.append(line("Out-of-scope recall", outOfScopeRejected, outOfScopeRows, outOfScopeRecall()));
			report.append(line("Out-of-scope precision", outOfScopeRejected,
					outOfScopeRejected + inScopeRows - inScopeCorrect - inScopeWrong, outOfScopePrecision()));
			report.append(String.format(Locale.ROOT, "%nIn-scope texts answered with a wrong intent: %d; not answered: %d, "
					+ "of which %d got \"Did you mean\" with the right intent first%n", inScopeWrong,
					inScopeRows - inScopeCorrect - inScopeWrong, inScopeAsked));
			if (!calibration.isEmpty()) {
				report.append(String.format(Locale.ROOT, "%nHow sure of its best intent against how often it was right, "
						+ "whatever the threshold (out-of-scope texts are never right)%n%-10s %9s %8s %8s%n", "confidence",
						"texts", "sure", "right"));
				for (ConfidenceBand band : calibration) {
					report.append(String.format(Locale.ROOT, "%.1f-%.1f    %9d %7.1f%% %7.1f%%%n", band.from(), band.to(),
							band.texts(), 100 * band.meanConfidence(), 100 * band.right()));
				}
				report.append(String.format(Locale.ROOT, "Calibration error: %.1f%% (the gap between sure and right, "
						+ "averaged over all texts)%n", 100 * calibrationError()));
			}
			if (errors.isEmpty()) {
				return report.append(String.format("%nNo errors.%n")).toString();
			}
			report.append(String.format("%nMost confused (expected -> answered; AMBIGUOUS and UNKNOWN: not answered)%n"));
			for (ConfusedPair pair : confusedPairs) {
				report.append(String.format(Locale.ROOT, "%6d  %s -> %s%n", pair.count(), pair.expected(), pair.answer()));
			}
			int width = errors.stream().mapToInt((e) -> e.intent().length()).max().orElse(0);
			report.append(String.format("%nErrors per intent (AMBIGUOUS and UNKNOWN: not answered)%n"));
			report.append(String.format(Locale.ROOT, "%-" + width + "s %6s %6s  %s%n", "intent", "wrong", "of",
					"most common wrong answers"));
			for (IntentErrors error : errors) {
				report.append(String.format(Locale.ROOT, "%-" + width + "s %6d %6d  %s%n", error.intent(),
						error.wrong(), error.rows(), error.mostCommon()
							.stream()
							.map((p) -> p.answer() + " " + p.count())
							.reduce((a, b) -> a + ", " + b)
							.orElse("")));
			}
			return report.toString();
		}

		private static String line(String name, int count, int rows, double share) {
			String score = (rows > 0) ? String.format(Locale.ROOT, "%7.1f%%", 100 * share) : "     n/a";
			return String.format(Locale.ROOT, "%-22s %9d %9d %s%n", name, count, rows, score);
		}

	}

	/**
	 * The texts whose best intent scored in one band of confidence.
	 *
	 * @param from the band's lowest confidence
	 * @param to the confidence the band ends below (1 belongs to the last band)
	 * @param texts how many texts
	 * @param meanConfidence their average confidence in their best intent
	 * @param right the share of them whose best intent was the right one
	 */
	public record ConfidenceBand(double from, double to, int texts, double meanConfidence, double right) {
	}

	/**
	 * How one intent's texts went wrong.
	 *
	 * @param intent the expected intent, or {@value #OUT_OF_SCOPE}
	 * @param rows how many texts expected it
	 * @param wrong how many of them were answered wrongly or not at all
	 * @param mostCommon the most common wrong answers, most frequent first
	 */
	public record IntentErrors(String intent, int rows, int wrong, List<WrongAnswer> mostCommon) {

		public IntentErrors {
			mostCommon = List.copyOf(mostCommon);
		}

		private static IntentErrors of(String intent, int rows, Map<String, Integer> wrong) {
			List<WrongAnswer> answers = new ArrayList<>();
			wrong.forEach((answer, count) -> answers.add(new WrongAnswer(answer, count)));
			answers.sort(Comparator.comparingInt(WrongAnswer::count).reversed().thenComparing(WrongAnswer::answer));
			int total = answers.stream().mapToInt(WrongAnswer::count).sum();
			return new IntentErrors(intent, rows, total, answers.subList(0, Math.min(SHOWN_PREDICTIONS, answers.size())));
		}

	}

	/**
	 * A kind of mistake and how often it was made.
	 *
	 * @param expected the intent the texts should have got, or {@value #OUT_OF_SCOPE}
	 * @param answer what they got instead: another intent, or {@code AMBIGUOUS} or {@code UNKNOWN}
	 * @param count how often
	 */
	public record ConfusedPair(String expected, String answer, int count) {
	}

	/**
	 * A wrong answer and how often it was given.
	 *
	 * @param answer the intent answered confidently, or {@code AMBIGUOUS} or {@code UNKNOWN} when none was
	 * @param count how often
	 */
	public record WrongAnswer(String answer, int count) {
	}

}
