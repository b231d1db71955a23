package frontdesk.matching;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import frontdesk.intent.Intent;
import frontdesk.intent.IntentLoader;
import frontdesk.intent.IntentSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The semantic matcher on the sample shop the repository ships, and on texts nobody taught it.
 */
class SemanticMatcherTests {

	static final Path DATA = Path.of("target", "test-data", "semantic-matcher");

	static IntentSet intents;

	static SemanticMatcherFactory factory;

	static IntentMatcher matcher;

	@BeforeAll
	static void train() {
		intents = IntentLoader.load(Path.of("intents"));
		factory = new SemanticMatcherFactory(MatchingSettings.defaults(), ModelSettings.Encoder.BUNDLED, DATA);
		matcher = factory.train(Understanding.trainingSet(intents));
	}

	@Nested
	class SampleShop {

		@Test
		void answersEveryIntentsOwnExamplesWithThatIntent() {
			List<String> misses = new ArrayList<>();
			for (Intent intent : intents.intents()) {
				for (String example : intent.examples()) {
					MatchResult result = matcher.match(example);
					boolean right = intent.offerable()
							? result.verdict() == Verdict.CONFIDENT
									&& result.best().orElseThrow().intentId().equals(intent.id())
							: result.verdict() == Verdict.UNKNOWN;
					if (!right) {
						misses.add(intent.id() + ": \"" + example + "\" -> " + result);
					}
				}
			}
			assertThat(misses).isEmpty();
		}

		@Test
		void understandsQuestionsPhrasedInWaysItWasNeverShown() {
			List<LabelledText> paraphrases = Evaluation.readCsv(Path.of("src/test/resources/paraphrases.csv"));

			Evaluation.Result result = Evaluation.evaluate(matcher, paraphrases);

			assertThat(result.inScopeRows()).isGreaterThanOrEqualTo(60);
			assertThat(result.inScopeAccuracy()).as(result.report()).isGreaterThanOrEqualTo(0.9);
			assertThat(result.outOfScopeRecall()).as(result.report()).isGreaterThanOrEqualTo(0.8);
		}

		@ParameterizedTest
		@ValueSource(strings = { "what is the capital of peru", "can you recommend a good pizza place",
				"who won the football yesterday", "explain quantum physics to me", "what is the square root of 144",
				"blah", "blorp", "asdf" })
		void fallsBackOnWhatTheShopDoesNotDo(String text) {
			assertThat(matcher.match(text).verdict()).isEqualTo(Verdict.UNKNOWN);
		}

		@Test
		void understandsTyposAndSynonyms() {
			assertThat(answer("wher is my parcel")).isEqualTo("track_order");
			assertThat(answer("how much does shiping cost")).isEqualTo("shipping_cost");
			assertThat(answer("the kettle came with a big dent in it")).isEqualTo("item_damaged");
		}

		@Test
		void neverOffersTheOutOfScopeExamplesAsACandidate() {
			assertThat(matcher.match("tell me a joke").candidates()).extracting(ScoredIntent::intentId)
				.doesNotContain("out_of_scope");
		}

	}

	@Nested
	class StrangeInput {

		@ParameterizedTest
		@ValueSource(strings = { "", "   ", "!!!", "\uD83D\uDE00\uD83D\uDE00" })
		void admitsNotKnowingTextsWithoutWords(String text) {
			assertThat(matcher.match(text)).isEqualTo(new MatchResult(Verdict.UNKNOWN, List.of()));
		}

		@Test
		void admitsNotKnowingNull() {
			assertThat(matcher.match(null).verdict()).isEqualTo(Verdict.UNKNOWN);
		}

		@Test
		void copesWithVeryLongTextsAndOtherScripts() {
			String letter = "where is my order ".repeat(2_000);

			assertThat(matcher.match(letter).best()).map(ScoredIntent::intentId).hasValue("track_order");
			assertThat(matcher.match("где мой заказ").verdict()).isNotNull();
			assertThat(matcher.match("我的包裹在哪里").verdict()).isNotNull();
		}

	}

	@Nested
	class Training {

		@Test
		void learnsWithoutOutOfScopeExamples() {
			IntentMatcher small = factory.train(new TrainingSet(Map.of(
					"opening_hours", List.of("when are you open", "what are your opening hours", "are you open on sunday"),
					"track_order", List.of("where is my order", "track my parcel", "has my package shipped yet")),
					List.of()));

			assertThat(small.match("what time do you open on saturday").best()).map(ScoredIntent::intentId)
				.hasValue("opening_hours");
			assertThat(small.match("my parcel has not shown up").best()).map(ScoredIntent::intentId)
				.hasValue("track_order");
		}

		@ParameterizedTest
		@ValueSource(strings = { "is it going to snow on friday", "tell me about the history of rome",
				"can you recommend a podcast", "who is going to win the cup final" })
		void withTheBuiltInOutOfScopeExamplesASmallSetDeclinesWhatItWasNeverTaught(String text) {
			Map<String, List<String>> examples = Map.of(
					"opening_hours", List.of("when are you open", "what are your opening hours", "are you open on sunday"),
					"track_order", List.of("where is my order", "track my parcel", "has my package shipped yet"));
			IntentMatcher alone = factory.train(new TrainingSet(examples, List.of()));
			IntentMatcher withBuiltIns = factory.train(new TrainingSet(examples, List.of()).orBuiltInOutOfScope());

			assertThat(alone.match(text).verdict()).isNotEqualTo(Verdict.UNKNOWN);
			assertThat(withBuiltIns.match(text).verdict()).isEqualTo(Verdict.UNKNOWN);
			assertThat(withBuiltIns.match("what time do you open on saturday").best()).map(ScoredIntent::intentId)
				.hasValue("opening_hours");
			assertThat(withBuiltIns.match("my parcel has not shown up").best()).map(ScoredIntent::intentId)
				.hasValue("track_order");
		}

		@Test
		void answersNothingWithoutIntents() {
			IntentMatcher empty = factory.train(new TrainingSet(Map.of(), List.of("tell me a joke")));

			assertThat(empty.match("where is my order")).isEqualTo(new MatchResult(Verdict.UNKNOWN, List.of()));
		}

		@Test
		void decidesWithTheSettingsItWasTrainedWith() {
			IntentMatcher strict = factory.train(Understanding.trainingSet(intents), new MatchingSettings(1, 0.05));

			assertThat(strict.match("where is my order").verdict()).isEqualTo(Verdict.UNKNOWN);
		}

		@Test
		void keepsTheExamplesEmbeddingsOnDisk() {
			for (SentenceModel model : SentenceModel.BUNDLED) {
				int dimension = model.views().size() * 384;
				EmbeddingCache cache = EmbeddingCache.open(DATA.resolve("matching"), model.id(), dimension);

				assertThat(cache.get(cache.key(TextNormalizer.normalize("what are your opening hours"))))
					.as(model.name())
					.hasSize(dimension);
				cache.close();
			}
		}

	}

	@Test
	void keepsOneTrainedClassifierPerViewOnDisk() throws Exception {
		int views = SentenceModel.BUNDLED.stream().mapToInt((model) -> model.views().size()).sum();
		try (var files = java.nio.file.Files.list(DATA.resolve("matching").resolve("classifiers"))) {
			assertThat(files.filter((file) -> file.toString().endsWith(".bin")).count())
				.isGreaterThanOrEqualTo(views);
		}
	}

	private static String answer(String text) {
		MatchResult result = matcher.match(text);
		assertThat(result.verdict()).as(text + " -> " + result).isEqualTo(Verdict.CONFIDENT);
		return result.best().orElseThrow().intentId();
	}

}
