package frontdesk.intent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class IntentLoaderTest {

	@TempDir
	Path dir;

	private Path write(String name, String yaml) throws IOException {
		return Files.writeString(dir.resolve(name), yaml);
	}

	/** An intents file with one good intent, for tests of what comes beside it. */
	private void writeOneIntent() throws IOException {
		write("a.yml", """
				intents:
				  - id: greeting
				    examples: [hi]
				    answer: "Hi"
				""");
	}

	private InvalidIntentsException failure() {
		return org.assertj.core.api.Assertions.catchThrowableOfType(InvalidIntentsException.class,
				() -> IntentLoader.load(dir));
	}

	@Nested
	class Loading {

		@Test
		void readsEveryYamlFileInNameOrder() throws IOException {
			write("b.yml", """
					intents:
					  - id: shipping_time
					    examples: [how long does delivery take]
					    answer: "Two to three days."
					""");
			write("a.yml", """
					intents:
					  - id: opening_hours
					    label: Opening hours
					    examples:
					      - when are you open
					      - what are your opening hours
					    answer: ["We're open {hours}.", "Our hours: {hours}."]
					    suggest: [shipping_time]
					  - id: talk_to_human
					    examples: [I want a human]
					    action: handoff
					  - id: out_of_scope
					    examples: [tell me a joke]
					    action: fallback
					""");
			write("notes.txt", "not an intent file");

			IntentSet set = IntentLoader.load(dir);

			assertThat(set.intents()).extracting(Intent::id)
				.containsExactly("opening_hours", "talk_to_human", "out_of_scope", "shipping_time");
			Intent hours = set.find("opening_hours").orElseThrow();
			assertThat(hours.label()).isEqualTo("Opening hours");
			assertThat(hours.answers()).containsExactly("We're open {hours}.", "Our hours: {hours}.");
			assertThat(hours.suggest()).containsExactly("shipping_time");
			assertThat(hours.action()).isEqualTo(Intent.Action.ANSWER);
			assertThat(set.find("talk_to_human").orElseThrow().action()).isEqualTo(Intent.Action.HANDOFF);
			assertThat(set.find("out_of_scope").orElseThrow().offerable()).isFalse();
		}

		@Test
		void labelsButtonsWithTheFirstExampleByDefault() throws IOException {
			write("a.yml", """
					intents:
					  - id: track_order
					    examples: [where is my order, track my parcel]
					    answer: "Use the link in your email."
					""");

			assertThat(IntentLoader.load(dir).find("track_order").orElseThrow().label()).isEqualTo("Where is my order");
		}

		@Test
		void messagesFileOverridesTheBotsTexts() throws IOException {
			write("a.yml", """
					intents:
					  - id: greeting
					    examples: [hello]
					    answer: "Hi!"
					""");
			write("messages.yml", """
					fallback: "Hmm, I didn't get that, {name}."
					button:
					  talk-to-person: "A human, please"
					""");

			Messages messages = IntentLoader.load(dir).messages();

			assertThat(messages.get(MessageKey.FALLBACK)).isEqualTo("Hmm, I didn't get that, {name}.");
			assertThat(messages.get(MessageKey.TALK_TO_PERSON)).isEqualTo("A human, please");
			assertThat(messages.get(MessageKey.HELP)).isEqualTo(MessageKey.HELP.defaultText());
		}

		@Test
		void everyMessageHasADefaultUsingOnlyKnownPlaceholders() {
			for (MessageKey key : MessageKey.values()) {
				if (key == MessageKey.SCHEDULE_TODAY || key == MessageKey.SCHEDULE_TOMORROW) {
					// words the bot does without unless the business gives them
					assertThat(key.defaultText()).as(key.key()).isNull();
					continue;
				}
				assertThat(key.defaultText()).as(key.key()).isNotBlank();
				assertThat(Placeholders.in(key.defaultText())).as(key.key()).allMatch(key.placeholders()::contains);
			}
		}

		@Test
		void readsTheLanguageOfTheTextsAlsoUnderItsFormerName() throws IOException {
			write("a.yml", """
					intents:
					  - id: greeting
					    examples: [hello]
					    answer: "Hallo!"
					""");
			assertThat(IntentLoader.load(dir).messages().locale()).isEqualTo(Locale.ENGLISH);

			write("messages.yml", "language: pt-BR\n");
			assertThat(IntentLoader.load(dir).messages().locale()).isEqualTo(Locale.forLanguageTag("pt-BR"));

			write("messages.yml", "web:\n  language: de\n");
			assertThat(IntentLoader.load(dir).messages().locale()).isEqualTo(Locale.GERMAN);
		}
	}

	@Nested
	class Validation {

		@Test
		void namesFileAndLineOfADuplicateId() throws IOException {
			write("a.yml", """
					intents:
					  - id: greeting
					    examples: [hello]
					    answer: "Hi!"
					""");
			write("b.yml", """
					intents:
					  - id: thanks
					    examples: [thanks]
					    answer: "You're welcome."
					  - id: greeting
					    examples: [hey]
					    answer: "Hey!"
					""");

			InvalidIntentsException failure = failure();

			assertThat(failure.problems()).singleElement().satisfies(problem -> {
				assertThat(problem.file()).isEqualTo(dir.resolve("b.yml"));
				assertThat(problem.line()).isEqualTo(5);
				assertThat(problem.message()).contains("duplicate id 'greeting'").contains("a.yml:2");
			});
			assertThat(failure.getMessage()).contains("b.yml:5: duplicate id 'greeting'");
		}

		@Test
		void aYamlNothingIsAnEmptyAnswerOrMessageNotTheTextNull() throws IOException {
			write("a.yml", """
					intents:
					  - id: shipping
					    examples: [how long is delivery]
					    answer: ["Two days", ~]
					  - id: returns
					    examples: [can I return this]
					    answer: null
					""");
			write("messages.yml", "fallback: ~\n");

			assertThat(failure().problems()).extracting(IntentProblem::line, IntentProblem::message).containsExactlyInAnyOrder(
					tuple(4, "intent 'shipping': empty entry in 'answer' (YAML reads '~' as nothing; put it in quotes "
							+ "to mean the text)"),
					tuple(7, "intent 'returns' has an empty answer (YAML reads 'null' as nothing; put it in quotes "
							+ "to mean the text)"),
					tuple(1, "message 'fallback' is empty (YAML reads '~' as nothing; put it in quotes to mean the text)"));
		}

		@Test
		void namesTheLineOfTheFaultyItemOfAList() throws IOException {
			write("a.yml", """
					intents:
					  - id: shipping
					    examples: [how long is delivery]
					    answer:
					      - "Two days"
					      - "Ask {boss}"
					  - id: returns
					    examples: [can I return this]
					    answer: "Yes"
					    suggest:
					      - cost
					      - shiping
					  - id: cost
					    examples: [what does delivery cost]
					    answer: "Free"
					""");

			assertThat(failure().problems()).extracting(IntentProblem::line).containsExactlyInAnyOrder(6, 12);
		}

		@Test
		void anIntentWithAMistakeIsStillKnownToThoseThatSuggestItAndItsOwnSuggestionsAreChecked() throws IOException {
			write("a.yml", """
					intents:
					  - id: shipping
					    examples: [how long is delivery]
					    answer: "Ask {boss}"
					    suggest: [shiping]
					  - id: returns
					    examples: [can I return this]
					    answer: "Yes"
					    suggest: [shipping]
					""");

			assertThat(failure().problems()).extracting(IntentProblem::message).satisfiesExactlyInAnyOrder(
					message -> assertThat(message).startsWith("intent 'shipping' uses unknown placeholder {boss}"),
					message -> assertThat(message).isEqualTo("intent 'shipping' suggests unknown intent 'shiping'"));
		}

		@Test
		void aFileThatCannotBeReadIsOneErrorNotAlsoOneForEachSuggestionOfItsIntents() throws IOException {
			write("orders.yml", """
					intents:
					  - id: place_order
					    examples: ["how do I order]
					    answer: "Online."
					""");
			write("account.yml", """
					intents:
					  - id: create_account
					    examples: [how do I sign up]
					    answer: "On the site."
					    suggest: [place_order]
					""");

			assertThat(failure().problems()).extracting(IntentProblem::toString)
				.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
				.contains("orders.yml:", "not valid YAML");
		}

		@Test
		void reportsEveryProblemWithItsLine() throws IOException {
			write("a.yml", """
					intents:
					  - id: shipping
					    examples: [how long is delivery]
					    answer: ""
					  - id: returns
					    examples: [can I return this]
					    answer: "Within {days} days."
					  - id: person
					    examples: [a human please]
					    action: teleport
					  - id: hours
					    examples: [when are you open]
					    answer: "We're open {hours}."
					    suggest: [missing_intent]
					  - id: Bad-Id
					    examples: [x]
					    answer: "y"
					  - id: no_examples
					    answer: "z"
					  - id: typo
					    examples: [a]
					    answers: "b"
					""");

			assertThat(failure().problems()).extracting(IntentProblem::toString)
				.anySatisfy(p -> assertThat(p).endsWith("a.yml:4: intent 'shipping' has an empty answer"))
				.anySatisfy(p -> assertThat(p).contains("a.yml:7: intent 'returns' uses unknown placeholder {days}"))
				.anySatisfy(p -> assertThat(p).contains("a.yml:10: intent 'person': unknown action 'teleport'"))
				.anySatisfy(p -> assertThat(p).contains("a.yml:14: intent 'hours' suggests unknown intent 'missing_intent'"))
				.anySatisfy(p -> assertThat(p).contains("a.yml:15: id 'Bad-Id' must be lower-case"))
				.anySatisfy(p -> assertThat(p).contains("a.yml:18: intent 'no_examples' needs at least one example"))
				.anySatisfy(p -> assertThat(p).contains("a.yml:22: unknown key 'answers'"));
		}

		@Test
		void refusesAnIntentWithoutItsDashRatherThanMergingItIntoTheOneAbove() throws IOException {
			write("a.yml", """
					intents:
					  - id: opening_hours
					    examples: [when are you open]
					    answer: "9 to 5"

					    id: refunds
					    examples: [can I get my money back]
					    answer: "Yes, within 30 days"
					""");

			assertThat(failure().problems()).extracting(IntentProblem::toString).containsExactly(
					dir.resolve("a.yml") + ":6: duplicate key 'id' (first on line 2)",
					dir.resolve("a.yml") + ":7: duplicate key 'examples' (first on line 3)",
					dir.resolve("a.yml") + ":8: duplicate key 'answer' (first on line 4)");
		}

		@Test
		void refusesASecondIntentsListInAFile() throws IOException {
			write("a.yml", """
					intents:
					  - id: opening_hours
					    examples: [when are you open]
					    answer: "9 to 5"
					intents:
					  - id: refunds
					    examples: [can I get my money back]
					    answer: "Yes"
					""");

			assertThat(failure().problems()).extracting(IntentProblem::toString)
				.containsExactly(dir.resolve("a.yml") + ":5: duplicate key 'intents' (first on line 1)");
		}

		@Test
		void refusesASecondExamplesKeyInAnIntent() throws IOException {
			write("a.yml", """
					intents:
					  - id: opening_hours
					    examples: [when are you open]
					    answer: "9 to 5"
					    examples: [are you open on sunday]
					""");

			assertThat(failure().problems()).extracting(IntentProblem::toString)
				.containsExactly(dir.resolve("a.yml") + ":5: duplicate key 'examples' (first on line 3)");
		}

		@Test
		void refusesAMessageGivenTwice() throws IOException {
			writeOneIntent();
			write("messages.yml", """
					button:
					  talk-to-person: "A human, please"
					  talk-to-person: "Someone real"
					""");

			assertThat(failure().problems()).extracting(IntentProblem::toString)
				.containsExactly(dir.resolve("messages.yml") + ":3: duplicate key 'talk-to-person' (first on line 2)");
		}

		@Test
		void refusesAnExampleWithoutLettersOrDigits() throws IOException {
			write("a.yml", """
					intents:
					  - id: thanks
					    examples:
					      - thanks a lot
					      - "\uD83D\uDC4D"
					      - "\uD83D\uDE4F thank you"
					    answer: "You're welcome."
					  - id: out_of_scope
					    examples: ["?!", "\u00BD", "\u2122"]
					    action: fallback
					""");

			assertThat(failure().problems()).extracting(IntentProblem::toString).containsExactly(
					dir.resolve("a.yml") + ":5: intent 'thanks': example '\uD83D\uDC4D' has no letters or digits; "
							+ "the bot matches by words",
					dir.resolve("a.yml") + ":9: intent 'out_of_scope': example '?!' has no letters or digits; "
							+ "the bot matches by words");
		}

		@Test
		void requiresAnAnswerUnlessThereIsAnAction() throws IOException {
			write("a.yml", """
					intents:
					  - id: shipping
					    examples: [how long is delivery]
					""");

			assertThat(failure().problems()).extracting(IntentProblem::message)
				.containsExactly("intent 'shipping' has no answer (add 'answer:', or an action)");
		}

		@Test
		void refusesAnAnswerOnAnOutOfScopeIntent() throws IOException {
			write("a.yml", """
					intents:
					  - id: out_of_scope
					    examples: [weather]
					    action: fallback
					    answer: "No idea"
					""");

			assertThat(failure().problems()).extracting(IntentProblem::message)
				.singleElement().asString().contains("out of scope");
		}

		@Test
		void refusesSuggestingAnOutOfScopeIntent() throws IOException {
			write("a.yml", """
					intents:
					  - id: greeting
					    examples: [hi]
					    answer: "Hi"
					    suggest: [out_of_scope]
					  - id: out_of_scope
					    examples: [weather]
					    action: fallback
					""");

			assertThat(failure().problems()).extracting(IntentProblem::line).containsExactly(5);
		}

		@Test
		void pointsAtTheLineOfBrokenYaml() throws IOException {
			write("a.yml", """
					intents:
					  - id: greeting
					    examples: [hi
					    answer: "Hi"
					""");

			assertThat(failure().problems()).singleElement().satisfies(problem -> {
				assertThat(problem.message()).startsWith("not valid YAML");
				assertThat(problem.line()).isGreaterThan(2);
			});
		}

		@Test
		void refusesAnEmptyFileWhoseIntentsWouldGoWithoutAWord() throws IOException {
			writeOneIntent();
			write("b.yml", "# shipping, to be written\n\n");

			assertThat(failure().problems()).singleElement().satisfies(problem -> {
				assertThat(problem.file().getFileName()).hasToString("b.yml");
				assertThat(problem.message()).startsWith("the file is empty");
			});
		}

		@Test
		void saysAFileInAnotherEncodingIsNotUtf8() throws IOException {
			Files.write(dir.resolve("a.yml"), """
					intents:
					  - id: cafe
					    examples: [caf\u00e9 opening hours]
					    answer: "9 to 5"
					""".getBytes(StandardCharsets.ISO_8859_1));

			assertThat(failure().problems()).extracting(IntentProblem::message)
				.containsExactly("not UTF-8 text (save the file as UTF-8)");
		}

		@Test
		void rejectsAFileWithoutAnIntentsList() throws IOException {
			write("a.yml", "greeting: hello\n");

			assertThat(failure().problems()).extracting(IntentProblem::message)
				.containsExactly("expected a top-level 'intents:' list");
		}

		@Test
		void rejectsUnknownMessageKeysAndPlaceholders() throws IOException {
			writeOneIntent();
			write("messages.yml", """
					greting: "Hello"
					fallback: "Sorry {customer}"
					""");

			assertThat(failure().problems()).extracting(IntentProblem::toString)
				.anySatisfy(p -> assertThat(p).endsWith("messages.yml:1: unknown message 'greting': did you mean "
						+ "'greeting'?"))
				.anySatisfy(p -> assertThat(p).contains("messages.yml:2: message 'fallback' uses unknown placeholder {customer}"));
		}

		@Test
		void refusesALanguageThatIsNoTagWordsWithoutTheirPlaceholdersOrWithOthersAndAKeyGivenTwice() throws IOException {
			writeOneIntent();
			write("messages.yml", """
					language: German
					schedule:
					  days: "{first} bis"
					  closed-on: "{hours} geschlossen"
					name:
					  unknown: "{name}"
					web:
					  language: de
					""");

			assertThat(failure().problems()).extracting(IntentProblem::toString).containsExactly(
					dir.resolve("messages.yml") + ":1: message 'language' is not a language tag such as en, de or pt-BR",
					dir.resolve("messages.yml") + ":3: message 'schedule.days' must say where {last} goes",
					dir.resolve("messages.yml") + ":4: message 'schedule.closed-on' uses unknown placeholder {hours} "
							+ "(known: [{days}])",
					dir.resolve("messages.yml") + ":4: message 'schedule.closed-on' must say where {days} goes",
					dir.resolve("messages.yml") + ":6: message 'name.unknown' uses unknown placeholder {name} "
							+ "(known: [])",
					dir.resolve("messages.yml") + ":8: message 'language' is given twice in this file (first on line 1)");
			write("messages.yml", """
					button.withdraw: "Erledigt"
					button:
					  withdraw: "Hat sich erledigt"
					""");
			assertThat(failure().problems()).extracting(IntentProblem::toString).containsExactly(
					dir.resolve("messages.yml") + ":3: message 'button.withdraw' is given twice in this file (first on "
							+ "line 1)");
		}

		@Test
		void saysAMessageGivenAsAListMustBeOneText() throws IOException {
			writeOneIntent();
			write("messages.yml", """
					fallback: "Sorry?"
					greeting: ["Hello!", "Hi there!"]
					""");

			assertThat(failure().problems()).extracting(IntentProblem::toString)
				.containsExactly(dir.resolve("messages.yml") + ":2: message 'greeting' must be one text, not a list");
		}

		@Test
		void rejectsAnEmptyOrMissingFolder() {
			assertThatThrownBy(() -> IntentLoader.load(dir)).hasMessageContaining("no intents found");
			assertThatExceptionOfType(InvalidIntentsException.class)
				.isThrownBy(() -> IntentLoader.load(dir.resolve("missing")))
				.withMessageContaining("intents folder not found");
		}
	}
}
