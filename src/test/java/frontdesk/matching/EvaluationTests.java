package frontdesk.matching;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class EvaluationTests {

	@TempDir
	Path dir;

	Path csv(String content) throws IOException {
		return Files.writeString(dir.resolve("test.csv"), content);
	}

	@Nested
	class ReadingCsv {

		@Test
		void readsRowsInOrder() throws IOException {
			List<LabelledText> rows = Evaluation.readCsv(csv("text,intent\nwhere is my order,track_order\ntell me a joke,oos\n"));

			assertThat(rows).containsExactly(new LabelledText("where is my order", "track_order"),
					new LabelledText("tell me a joke", "oos"));
			assertThat(rows).extracting(LabelledText::outOfScope).containsExactly(false, true);
		}

		@Test
		void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws IOException {
			List<LabelledText> rows = Evaluation.readCsv(csv("""
					text,intent
					"hi, where is my order",track_order
					"the ""blue"" kettle",product_stock
					"first line
					second line",greeting
					"""));

			assertThat(rows).extracting(LabelledText::text)
				.containsExactly("hi, where is my order", "the \"blue\" kettle", "first line\nsecond line");
		}

		@Test
		void acceptsWindowsLineEndsAByteOrderMarkAndBlankLines() throws IOException {
			List<LabelledText> rows = Evaluation.readCsv(csv("\uFEFFText,Intent\r\nhello,greeting\r\n\r\nbye, goodbye\r\n"));

			assertThat(rows).containsExactly(new LabelledText("hello", "greeting"), new LabelledText("bye", "goodbye"));
		}

		@Test
		void reportsAMissingHeader() throws IOException {
			assertThatIllegalArgumentException().isThrownBy(() -> Evaluation.readCsv(csv("hello,greeting\n")))
				.withMessageContaining("line 1")
				.withMessageContaining("text,intent");
		}

		@Test
		void reportsAnEmptyFile() throws IOException {
			assertThatIllegalArgumentException().isThrownBy(() -> Evaluation.readCsv(csv("")))
				.withMessageContaining("line 1");
		}

		@Test
		void reportsTheLineOfARowWithTooManyFields() throws IOException {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> Evaluation.readCsv(csv("text,intent\nhello,greeting\nhi, there,greeting\n")))
				.withMessageContaining("test.csv, line 3")
				.withMessageContaining("expected 2 fields (text,intent) but found 3");
		}

		@Test
		void countsLinesInsideQuotedFields() throws IOException {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> Evaluation.readCsv(csv("text,intent\n\"two\nlines\",greeting\nno intent\n")))
				.withMessageContaining("line 4")
				.withMessageContaining("found 1");
		}

		@Test
		void reportsAnEmptyIntent() throws IOException {
			assertThatIllegalArgumentException().isThrownBy(() -> Evaluation.readCsv(csv("text,intent\nhello, \n")))
				.withMessageContaining("line 2: the intent is empty");
		}

		@Test
		void reportsAQuoteThatIsNeverClosed() throws IOException {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> Evaluation.readCsv(csv("text,intent\nhello,greeting\n\"where is it,track\n")))
				.withMessageContaining("line 3")
				.withMessageContaining("never closed");
		}

		@Test
		void reportsAQuoteInsideAnUnquotedField() throws IOException {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> Evaluation.readCsv(csv("text,intent\nthe \"blue\" kettle,product_stock\n")))
				.withMessageContaining("line 2")
				.withMessageContaining("double quote");
		}

		@Test
		void reportsTextAfterAClosingQuote() throws IOException {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> Evaluation.readCsv(csv("text,intent\n\"hello\" there,greeting\n")))
				.withMessageContaining("line 2")
				.withMessageContaining("after the closing double quote");
		}

	}

	@Nested
	class Measuring {

		/** Answers from a table: text to result. */
		static IntentMatcher answering(Map<String, MatchResult> results) {
			return results::get;
		}

		static MatchResult confident(String intent) {
			return new MatchResult(Verdict.CONFIDENT, List.of(new ScoredIntent(intent, 0.9)));
		}

		static final MatchResult AMBIGUOUS = new MatchResult(Verdict.AMBIGUOUS,
				List.of(new ScoredIntent("track_order", 0.5), new ScoredIntent("order_late", 0.48)));

		static final MatchResult UNKNOWN = new MatchResult(Verdict.UNKNOWN, List.of(new ScoredIntent("greeting", 0.1)));

		final IntentMatcher matcher = answering(Map.of("where is my order", confident("track_order"), "track it",
				confident("track_order"), "is it late", AMBIGUOUS, "parcel?", confident("refund"), "hi", UNKNOWN,
				"weather", UNKNOWN, "joke", confident("greeting")));

		final List<LabelledText> rows = List.of(new LabelledText("where is my order", "track_order"),
				new LabelledText("track it", "track_order"), new LabelledText("is it late", "track_order"),
				new LabelledText("parcel?", "track_order"), new LabelledText("hi", "greeting"),
				new LabelledText("weather", "oos"), new LabelledText("joke", "oos"));

		@Test
		void countsOnlyConfidentRightAnswersAsAccurate() {
			Evaluation.Result result = Evaluation.evaluate(matcher, rows);

			assertThat(result.inScopeRows()).isEqualTo(5);
			assertThat(result.inScopeCorrect()).isEqualTo(2);
			assertThat(result.inScopeWrong()).isEqualTo(1);
			assertThat(result.inScopeAsked()).isEqualTo(1);
			assertThat(result.inScopeAccuracy()).isEqualTo(0.4);
		}

		@Test
		void countsOutOfScopeTextsNotAnsweredConfidentlyAsRecalled() {
			Evaluation.Result result = Evaluation.evaluate(matcher, rows);

			assertThat(result.outOfScopeRows()).isEqualTo(2);
			assertThat(result.outOfScopeRejected()).isEqualTo(1);
			assertThat(result.outOfScopeRecall()).isEqualTo(0.5);
		}

		@Test
		void listsErrorsPerIntentMostFirst() {
			Evaluation.Result result = Evaluation.evaluate(matcher, rows);

			assertThat(result.errors()).containsExactly(
					new Evaluation.IntentErrors("track_order", 4, 2,
							List.of(new Evaluation.WrongAnswer("AMBIGUOUS", 1), new Evaluation.WrongAnswer("refund", 1))),
					new Evaluation.IntentErrors("greeting", 1, 1, List.of(new Evaluation.WrongAnswer("UNKNOWN", 1))),
					new Evaluation.IntentErrors("oos", 2, 1, List.of(new Evaluation.WrongAnswer("greeting", 1))));
		}

		@Test
		void reportsLikeThePaper() {
			String report = Evaluation.evaluate(matcher, rows).report();

			assertThat(report).containsPattern("In-scope accuracy\\s+2\\s+5\\s+40\\.0%")
				.containsPattern("Out-of-scope recall\\s+1\\s+2\\s+50\\.0%")
				.contains("In-scope texts answered with a wrong intent: 1; not answered: 2, of which 1 got \"Did you mean\" "
						+ "with the right intent first")
				.containsPattern("track_order\\s+2\\s+4\\s+AMBIGUOUS 1, refund 1");
		}

		@Test
		void comparesHowSureTheBestIntentWasWithHowOftenItWasRight() {
			Evaluation.Result result = Evaluation.evaluate(matcher, rows);

			assertThat(result.calibration()).extracting(Evaluation.ConfidenceBand::from, Evaluation.ConfidenceBand::texts,
					Evaluation.ConfidenceBand::right)
				.containsExactly(tuple(0.1, 2, 0.5), tuple(0.5, 1, 1.0), tuple(0.9, 4, 0.5));
			assertThat(result.calibration()).extracting(Evaluation.ConfidenceBand::meanConfidence)
				.satisfiesExactly((sure) -> assertThat(sure).isCloseTo(0.1, within(1e-9)),
						(sure) -> assertThat(sure).isCloseTo(0.5, within(1e-9)),
						(sure) -> assertThat(sure).isCloseTo(0.9, within(1e-9)));
			assertThat(result.calibrationError()).isCloseTo((2 * 0.4 + 0.5 + 4 * 0.4) / 7, within(1e-9));
			assertThat(result.report()).containsPattern("0\\.9-1\\.0\\s+4\\s+90\\.0%\\s+50\\.0%")
				.contains("Calibration error: 41.4%");
		}

		@Test
		void findsNoCalibrationErrorWhenTheConfidenceIsHowOftenTheMatcherIsRight() {
			MatchResult halfSure = new MatchResult(Verdict.CONFIDENT, List.of(new ScoredIntent("track_order", 0.75)));
			Evaluation.Result result = Evaluation.evaluate((text) -> halfSure,
					List.of(new LabelledText("where is it", "track_order"), new LabelledText("is it late", "track_order"),
							new LabelledText("parcel?", "track_order"), new LabelledText("weather", "oos")));

			assertThat(result.calibrationError()).isZero();
		}

		@Test
		void reportsNoOutOfScopeRecallWithoutOutOfScopeRows() {
			Evaluation.Result result = Evaluation.evaluate(matcher, rows.subList(0, 2));

			assertThat(result.outOfScopeRecall()).isNaN();
			assertThat(result.report()).containsPattern("Out-of-scope recall\\s+0\\s+0\\s+n/a").contains("No errors.");
		}

	}

	@Nested
	class ChoosingTheThreshold {

		/** Scores each text with the confidence written after its last space, for the intent before it. */
		final MatcherFactory factory = new MatcherFactory() {

			@Override
			public IntentMatcher train(TrainingSet set) {
				return train(set, MatchingSettings.defaults());
			}

			@Override
			public IntentMatcher train(TrainingSet set, MatchingSettings settings) {
				return (text) -> {
					String[] parts = text.split(" ");
					return settings.decide(List.of(new ScoredIntent(parts[0], Double.parseDouble(parts[1]))), 0);
				};
			}

		};

		final TrainingSet training = new TrainingSet(Map.of(), List.of());

		@Test
		void choosesTheHighestThresholdThatSeparatesInScopeFromOutOfScope() {
			List<LabelledText> validation = List.of(new LabelledText("a 0.8", "a"), new LabelledText("b 0.6", "b"),
					new LabelledText("a 0.5", "oos"), new LabelledText("b 0.3", "oos"));

			assertThat(Evaluation.chooseThreshold(factory, training, validation, 0.05)).isEqualTo(0.6);
		}

		@Test
		void weighsInScopeAccuracyAndOutOfScopeRecallAlike() {
			List<LabelledText> validation = List.of(new LabelledText("a 0.8", "a"), new LabelledText("b 0.3", "b"),
					new LabelledText("a 0.5", "oos"), new LabelledText("b 0.4", "oos"), new LabelledText("a 0.2", "oos"));

			assertThat(Evaluation.chooseThreshold(factory, training, validation, 0.05)).isEqualTo(0.8);
		}

		@Test
		void needsInScopeAndOutOfScopeRows() {
			assertThatIllegalArgumentException().isThrownBy(() -> Evaluation.chooseThreshold(factory, training,
					List.of(new LabelledText("a 0.8", "a")), 0.05));
		}

	}

	@Test
	void turnsLabelledTextsIntoTrainingData() {
		TrainingSet set = Evaluation.trainingSet(List.of(new LabelledText("hi", "greeting"),
				new LabelledText("joke", "oos"), new LabelledText("hello", "greeting")));

		assertThat(set).isEqualTo(new TrainingSet(Map.of("greeting", List.of("hi", "hello")), List.of("joke")));
	}

}
