package frontdesk.matching;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import frontdesk.intent.Intent;
import frontdesk.intent.IntentLoader;
import frontdesk.intent.IntentSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample intents the repository ships: they load cleanly, are a complete sample, and the matcher understands each
 * intent's own examples.
 */
class ShippedIntentsTest {

	static IntentSet intents;

	static IntentMatcher matcher;

	@BeforeAll
	static void load() {
		intents = IntentLoader.load(Path.of("intents"));
		matcher = new LexicalMatcherFactory(MatchingSettings.defaults()).train(Understanding.trainingSet(intents));
	}

	@Test
	void isACompleteSampleShop() {
		List<Intent> answerable = intents.intents().stream().filter(Intent::offerable).toList();
		assertThat(answerable).hasSizeBetween(20, 40);
		assertThat(answerable).allSatisfy(intent -> assertThat(intent.examples()).as(intent.id()).hasSizeGreaterThanOrEqualTo(8));
		assertThat(intents.intents()).extracting(Intent::action)
			.contains(Intent.Action.HANDOFF, Intent.Action.CLOSE, Intent.Action.HOURS, Intent.Action.FALLBACK);
		assertThat(intents.intents().stream().filter(intent -> !intent.offerable()).mapToInt(i -> i.examples().size()).sum())
			.isGreaterThanOrEqualTo(20);
	}

	@Test
	void answersEveryIntentsOwnExamplesWithThatIntent() {
		List<String> misses = new ArrayList<>();
		for (Intent intent : intents.intents()) {
			for (String example : intent.examples()) {
				MatchResult result = matcher.match(example);
				boolean right = intent.offerable()
						? result.verdict() == Verdict.CONFIDENT && result.best().orElseThrow().intentId().equals(intent.id())
						: result.verdict() == Verdict.UNKNOWN;
				if (!right) {
					misses.add(intent.id() + ": \"" + example + "\" -> " + result);
				}
			}
		}
		assertThat(misses).isEmpty();
	}

	@Test
	void understandsRephrasedQuestionsWithTypos() {
		assertThat(answer("wher is my parcel")).isEqualTo("track_order");
		assertThat(answer("how much does shiping cost")).isEqualTo("shipping_cost");
	}

	@Test
	void asksDidYouMeanRatherThanGivingUpWhenFairlySure() {
		MatchResult result = matcher.match("I would like my money back for the blender");

		assertThat(result.verdict()).isEqualTo(Verdict.AMBIGUOUS);
		assertThat(result.best().orElseThrow().intentId()).isEqualTo("refund_status");
	}

	@Test
	void doesNotAnswerWhatTheShopDoesNotDo() {
		assertThat(matcher.match("what is the capital of peru").verdict()).isEqualTo(Verdict.UNKNOWN);
		assertThat(matcher.match("can you recommend a good pizza place").verdict()).isEqualTo(Verdict.UNKNOWN);
	}

	private static String answer(String text) {
		MatchResult result = matcher.match(text);
		assertThat(result.verdict()).as(text + " -> " + result).isEqualTo(Verdict.CONFIDENT);
		return result.best().orElseThrow().intentId();
	}
}
