package frontdesk.matching;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LexicalMatcherTests {

	static final TrainingSet SHOP = new TrainingSet(Map.of(
			"track_order", List.of("where is my order", "track my parcel", "has my package shipped yet",
					"when will my order arrive", "what is the status of my order", "how do I track my delivery"),
			"opening_hours", List.of("when are you open", "what are your opening hours", "are you open on sunday",
					"what time do you close", "opening times please"),
			"refund", List.of("I want a refund", "where is my refund", "when do I get my money back",
					"how long do refunds take", "can I get a refund for my order"),
			"shipping_cost", List.of("how much is shipping", "do you ship for free", "what are the delivery costs",
					"what does postage cost", "shipping price"),
			"talk_to_human", List.of("can I talk to a person", "I want a human", "real agent please",
					"let me speak to someone")),
			List.of("what's the weather like today", "is it going to rain tomorrow", "tell me a joke",
					"who will win the election", "what is the capital of france", "write me a poem"));

	final MatcherFactory factory = new LexicalMatcherFactory(MatchingSettings.defaults());

	final IntentMatcher matcher = factory.train(SHOP);

	@Nested
	class Answers {

		@Test
		void answersATrainingExampleConfidently() {
			MatchResult result = matcher.match("what are your opening hours");

			assertThat(result.verdict()).isEqualTo(Verdict.CONFIDENT);
			assertThat(result.best()).map(ScoredIntent::intentId).hasValue("opening_hours");
		}

		@ParameterizedTest
		@ValueSource(strings = { "were is my parcel", "wher is my ordr", "has my pakage shiped" })
		void toleratesTyposInTrackingQuestions(String text) {
			MatchResult result = matcher.match(text);

			assertThat(result.verdict()).isEqualTo(Verdict.CONFIDENT);
			assertThat(result.best()).map(ScoredIntent::intentId).hasValue("track_order");
		}

		@Test
		void toleratesTyposInOtherIntents() {
			assertThat(matcher.match("how much is shiping").best()).map(ScoredIntent::intentId).hasValue("shipping_cost");
			assertThat(matcher.match("how long do refnds take").best()).map(ScoredIntent::intentId).hasValue("refund");
		}

		@Test
		void matchesTheSameIntentWhateverTheWordOrder() {
			MatchResult inOrder = matcher.match("your opening hours");
			MatchResult reordered = matcher.match("hours opening your");

			assertThat(reordered.verdict()).isEqualTo(Verdict.CONFIDENT);
			assertThat(reordered.best()).map(ScoredIntent::intentId).hasValue("opening_hours");
			assertThat(reordered.best().orElseThrow().confidence())
				.isCloseTo(inOrder.best().orElseThrow().confidence(), within(0.1));
		}

		@Test
		void ignoresCaseAccentsAndPunctuation() {
			assertThat(matcher.match("WHERE is my ÓRDER???")).isEqualTo(matcher.match("where is my order"));
		}

	}

	@Nested
	class OutOfScope {

		@ParameterizedTest
		@ValueSource(strings = { "what's the weather like tomorrow", "tell me a joke please",
				"what is the capital of peru", "who won the election" })
		void doesNotAnswerTextsLikeTheOutOfScopeExamples(String text) {
			MatchResult result = matcher.match(text);

			assertThat(result.verdict()).isEqualTo(Verdict.UNKNOWN);
		}

		@Test
		void stillListsTheBestInScopeGuessesWhenNotAnswering() {
			MatchResult result = matcher.match("what is the weather like tomorrow");

			assertThat(result.verdict()).isEqualTo(Verdict.UNKNOWN);
			assertThat(result.candidates()).isNotEmpty()
				.extracting(ScoredIntent::intentId)
				.isSubsetOf(SHOP.examplesByIntent().keySet());
		}

		@Test
		void doesNotAnswerWhenNoIntentComesClose() {
			MatchResult result = factory.train(SHOP, new MatchingSettings(0.9, 0.05)).match("track my order");

			assertThat(result.verdict()).isEqualTo(Verdict.UNKNOWN);
			assertThat(result.best()).map(ScoredIntent::intentId).hasValue("track_order");
		}

	}

	@Nested
	class Ambiguity {

		@Test
		void asksWhichIntentIsMeantWhenTwoFitAlike() {
			TrainingSet set = new TrainingSet(Map.of(
					"delivery_time", List.of("how long does delivery take", "when will it be delivered"),
					"return_time", List.of("how long does a return take", "when will my return be processed"),
					"greeting", List.of("hello", "good morning")), List.of());
			IntentMatcher matcher = factory.train(set, new MatchingSettings(0.2, 0.1));

			MatchResult result = matcher.match("how long does it take");

			assertThat(result.verdict()).isEqualTo(Verdict.AMBIGUOUS);
			assertThat(result.candidates()).extracting(ScoredIntent::intentId)
				.containsExactlyInAnyOrder("delivery_time", "return_time");
			assertThat(result.candidates().get(0).confidence())
				.isGreaterThanOrEqualTo(result.candidates().get(1).confidence());
		}

	}

	@Nested
	class StrangeInput {

		@ParameterizedTest
		@ValueSource(strings = { "", "   ", "\t\n", "?!...", "\uD83D\uDE00\uD83D\uDCE6" })
		void doesNotAnswerBlankTexts(String text) {
			MatchResult result = matcher.match(text);

			assertThat(result.verdict()).isEqualTo(Verdict.UNKNOWN);
			assertThat(result.candidates()).isEmpty();
		}

		@Test
		void doesNotAnswerNull() {
			assertThat(matcher.match(null)).isEqualTo(new MatchResult(Verdict.UNKNOWN, List.of()));
		}

		@Test
		void doesNotAnswerWordsNeverSeen() {
			assertThat(matcher.match("xqzv qqxj").candidates()).isEmpty();
		}

		@Test
		void handlesTheLongestTelegramMessage() {
			String text = "where is my parcel \uD83D\uDCE6 \u6771\u4EAC ".repeat(200).substring(0, 4096);

			MatchResult result = matcher.match(text);

			assertThat(result.best()).map(ScoredIntent::intentId).hasValue("track_order");
		}

		@Test
		void answersNothingWithoutTrainingData() {
			IntentMatcher empty = factory.train(new TrainingSet(Map.of("silent", List.of("", "?")), List.of()));

			assertThat(empty.match("where is my order")).isEqualTo(new MatchResult(Verdict.UNKNOWN, List.of()));
		}

	}

	@Nested
	class Confidence {

		@ParameterizedTest
		@ValueSource(strings = { "where is my order", "track my parcel", "real agent please", "refund refund refund",
				"hello", "what time do you close on sunday", "tell me a joke", "a" })
		void staysBetweenZeroAndOne(String text) {
			assertThat(matcher.match(text).candidates()).allSatisfy((candidate) -> assertThat(candidate.confidence())
				.isBetween(0.0, 1.0));
		}

		@Test
		void listsCandidatesBestFirst() {
			List<ScoredIntent> candidates = factory.train(SHOP, new MatchingSettings(1, 0)).match("my order").candidates();

			assertThat(candidates).hasSizeGreaterThan(1);
			assertThat(candidates).isSortedAccordingTo((a, b) -> Double.compare(b.confidence(), a.confidence()));
		}

		@Test
		void isTheSameForTheSameTrainingData() {
			IntentMatcher again = factory.train(SHOP);

			assertThat(again.match("when will my parcel come")).isEqualTo(matcher.match("when will my parcel come"));
		}

		@Test
		void isTheSameWhenMatchedConcurrently() {
			List<String> texts = IntStream.range(0, 400).mapToObj((i) -> List.of("where is my order", "refund please",
					"are you open", "tell me a joke", "how much is postage").get(i % 5) + " " + i).toList();
			List<MatchResult> sequential = texts.stream().map(matcher::match).toList();

			List<MatchResult> concurrent = texts.parallelStream().map(matcher::match).toList();

			assertThat(concurrent).isEqualTo(sequential);
		}

	}

}
