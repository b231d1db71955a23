package frontdesk.matching;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MatchingSettingsTests {

	final MatchingSettings settings = new MatchingSettings(0.4, 0.05);

	static ScoredIntent scored(String intent, double confidence) {
		return new ScoredIntent(intent, confidence);
	}

	@Nested
	class Verdicts {

		@Test
		void answersWhenTheBestIsAboveTheThresholdAndClearlyAhead() {
			MatchResult result = settings.decide(List.of(scored("a", 0.7), scored("b", 0.6)), 0.1);

			assertThat(result).isEqualTo(new MatchResult(Verdict.CONFIDENT, List.of(scored("a", 0.7))));
		}

		@Test
		void answersAtExactlyTheThreshold() {
			assertThat(settings.decide(List.of(scored("a", 0.4)), 0).verdict()).isEqualTo(Verdict.CONFIDENT);
		}

		@Test
		void doesNotAnswerBelowTheThresholdButKeepsTheBestGuesses() {
			List<ScoredIntent> ranked = List.of(scored("a", 0.39), scored("b", 0.2), scored("c", 0.1), scored("d", 0.05));

			MatchResult result = settings.decide(ranked, 0);

			assertThat(result).isEqualTo(new MatchResult(Verdict.UNKNOWN, ranked.subList(0, 3)));
		}

		@Test
		void asksDidYouMeanWhenFairlySureButBelowTheThreshold() {
			MatchingSettings suggesting = new MatchingSettings(0.4, 0.05, 0.25);
			List<ScoredIntent> ranked = List.of(scored("a", 0.35), scored("b", 0.3), scored("c", 0.1));

			assertThat(suggesting.decide(ranked, 0))
				.isEqualTo(new MatchResult(Verdict.AMBIGUOUS, List.of(scored("a", 0.35), scored("b", 0.3))));
			assertThat(suggesting.decide(List.of(scored("a", 0.2)), 0).verdict()).isEqualTo(Verdict.UNKNOWN);
			assertThat(suggesting.decide(ranked, 0.36).verdict()).isEqualTo(Verdict.UNKNOWN);
		}

		@Test
		void doesNotAnswerWhenTheOutOfScopeExamplesFitBetter() {
			MatchResult result = settings.decide(List.of(scored("a", 0.8)), 0.8);

			assertThat(result).isEqualTo(new MatchResult(Verdict.UNKNOWN, List.of(scored("a", 0.8))));
		}

		@Test
		void asksWhenTheRunnerUpIsWithinTheMargin() {
			MatchResult result = settings.decide(List.of(scored("a", 0.5), scored("b", 0.46), scored("c", 0.3)), 0);

			assertThat(result).isEqualTo(new MatchResult(Verdict.AMBIGUOUS, List.of(scored("a", 0.5), scored("b", 0.46))));
		}

		@Test
		void asksEvenWhenTheRunnerUpIsJustBelowTheThreshold() {
			MatchResult result = settings.decide(List.of(scored("a", 0.42), scored("b", 0.38)), 0);

			assertThat(result.verdict()).isEqualTo(Verdict.AMBIGUOUS);
		}

		@Test
		void offersAtMostThreeCandidates() {
			MatchResult result = settings.decide(
					List.of(scored("a", 0.5), scored("b", 0.5), scored("c", 0.49), scored("d", 0.48)), 0);

			assertThat(result.candidates()).extracting(ScoredIntent::intentId).containsExactly("a", "b", "c");
		}

		@Test
		void knowsNothingWhenNothingScored() {
			assertThat(settings.decide(List.of(), 0.9)).isEqualTo(new MatchResult(Verdict.UNKNOWN, List.of()));
		}

	}

	@Nested
	class Validation {

		@Test
		void rejectsAThresholdOutsideZeroToOne() {
			assertThatIllegalArgumentException().isThrownBy(() -> new MatchingSettings(1.1, 0.05));
			assertThatIllegalArgumentException().isThrownBy(() -> new MatchingSettings(-0.1, 0.05));
		}

		@Test
		void rejectsAMarginOutsideZeroToHalf() {
			assertThatIllegalArgumentException().isThrownBy(() -> new MatchingSettings(0.4, 0.6));
			assertThatIllegalArgumentException().isThrownBy(() -> new MatchingSettings(0.4, -0.01));
		}

		@Test
		void hasDefaultsWithinTheirRanges() {
			MatchingSettings defaults = MatchingSettings.defaults();

			assertThat(defaults.threshold()).isBetween(0.0, 1.0);
			assertThat(defaults.margin()).isBetween(0.0, 0.5);
		}

		@Test
		void rejectsAConfidenceOutsideZeroToOne() {
			assertThatIllegalArgumentException().isThrownBy(() -> scored("a", 1.01));
		}

		@Test
		void rejectsAnAnswerWithoutCandidates() {
			assertThatIllegalArgumentException().isThrownBy(() -> new MatchResult(Verdict.CONFIDENT, List.of()));
		}

	}

	@Nested
	class Binding {

		final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Config.class);

		@Test
		void usesTheDefaultsWhenNothingIsConfigured() {
			context.run((context) -> assertThat(context).getBean(MatchingSettings.class)
				.isEqualTo(MatchingSettings.defaults()));
		}

		@Test
		void readsTheConfiguredValues() {
			context.withPropertyValues("frontdesk.matching.threshold=0.6", "frontdesk.matching.margin=0.1")
				.run((context) -> assertThat(context).getBean(MatchingSettings.class)
					.isEqualTo(new MatchingSettings(0.6, 0.1, 0.25)));
		}

		@Test
		void refusesToStartWithAThresholdAboveOne() {
			context.withPropertyValues("frontdesk.matching.threshold=1.5")
				.run((context) -> assertThat(context).hasFailed());
		}

		@Test
		void offersAMatcherFactory() {
			context.run((context) -> assertThat(context).hasSingleBean(MatcherFactory.class));
		}

		@EnableConfigurationProperties(MatchingSettings.class)
		@Import(LexicalMatcherFactory.class)
		static class Config {

		}

	}

}
