package frontdesk.intent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Adding a customer's question to an intent's examples: the file gains one example at the end of the intent's list,
 * in the list's own style, and keeps everything else as it was; the catalog reloads at once.
 */
class AddExampleTest {

	@TempDir
	Path dir;

	private final List<Object> published = new ArrayList<>();

	private IntentCatalog catalog(String file, String text) throws IOException {
		Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
		return new IntentCatalog(new IntentSettings(dir, Duration.ofSeconds(2)), published::add);
	}

	private String read(String file) throws IOException {
		return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
	}

	@Nested
	class InTheFile {

		@Test
		void appendsToABlockListAndKeepsTheRestOfTheFile() throws IOException {
			String before = """
					# Opening hours and such.
					intents:
					  - id: opening_hours
					    label: "Opening hours"
					    examples:
					      - when are you open   # the classic
					      - what are your opening hours
					    # more to come
					    answer: "We're open {hours}."

					  - id: greeting
					    examples: [hello]
					    answer: Hi!
					""";
			IntentCatalog catalog = catalog("shop.yml", before);

			catalog.addExample("opening_hours", "are you open on bank holidays");

			assertThat(read("shop.yml")).isEqualTo(before.replace("      - what are your opening hours\n",
					"      - what are your opening hours\n      - \"are you open on bank holidays\"\n"));
			assertThat(catalog.current().find("opening_hours").orElseThrow().examples())
				.containsExactly("when are you open", "what are your opening hours", "are you open on bank holidays");
		}

		@Test
		void appendsToAFlowList() throws IOException {
			IntentCatalog catalog = catalog("shop.yml", """
					intents:
					  - id: greeting
					    examples: [hello, hi there]   # short ones
					    answer: Hi!
					""");

			catalog.addExample("greeting", "good day to you");

			assertThat(read("shop.yml")).contains("    examples: [hello, hi there, \"good day to you\"]   # short ones\n");
		}

		@Test
		void turnsASingleExampleIntoAList() throws IOException {
			IntentCatalog catalog = catalog("shop.yml", """
					intents:
					  - id: greeting
					    examples: hello
					    answer: Hi!
					""");

			catalog.addExample("greeting", "hiya");

			assertThat(read("shop.yml")).contains("    examples: [\"hello\", \"hiya\"]\n");
			assertThat(catalog.current().find("greeting").orElseThrow().examples()).containsExactly("hello", "hiya");
		}

		@Test
		void appendsToTheLastIntentOfAFileWithNoFinalLineBreak() throws IOException {
			IntentCatalog catalog = catalog("shop.yml", "intents:\n  - id: greeting\n    answer: Hi!\n    examples:\n"
					+ "      - hello");

			catalog.addExample("greeting", "morning");

			assertThat(read("shop.yml")).isEqualTo("intents:\n  - id: greeting\n    answer: Hi!\n    examples:\n"
					+ "      - hello\n      - \"morning\"\n");
		}

		@Test
		void keepsWindowsLineBreaks() throws IOException {
			IntentCatalog catalog = catalog("shop.yml",
					"intents:\r\n  - id: greeting\r\n    examples:\r\n      - hello\r\n    answer: Hi!\r\n");

			catalog.addExample("greeting", "hey");

			assertThat(read("shop.yml"))
				.isEqualTo("intents:\r\n  - id: greeting\r\n    examples:\r\n      - hello\r\n      - \"hey\"\r\n    answer: Hi!\r\n");
		}

		@Test
		void writesAnyTextSafely() throws IOException {
			IntentCatalog catalog = catalog("shop.yml", """
					intents:
					  - id: greeting
					    examples:
					      - "héllo 👋"
					    answer: Hi!
					""");
			String awkward = "say \"yes\": #1 \\ no - [maybe] {x} 👋 ünïcode";
			// characters YAML does not allow in a file, even quoted, unless escaped
			String control = "next\u0085line, \u0090 and \u009f ok";

			catalog.addExample("greeting", awkward);
			catalog.addExample("greeting", control);

			assertThat(catalog.current().find("greeting").orElseThrow().examples())
				.containsExactly("héllo 👋", awkward, control);
		}

		@Test
		void findsTheIntentInWhicheverFileHoldsIt() throws IOException {
			Files.writeString(dir.resolve("a.yml"), "intents:\n  - id: greeting\n    examples: [hello]\n    answer: Hi!\n");
			IntentCatalog catalog = catalog("b.yml",
					"intents:\n  - id: thanks\n    examples: [thank you]\n    answer: You're welcome!\n");

			catalog.addExample("thanks", "cheers");

			assertThat(read("a.yml")).doesNotContain("cheers");
			assertThat(read("b.yml")).contains("[thank you, \"cheers\"]");
		}

		@Test
		void leavesMessagesAlone() throws IOException {
			Files.writeString(dir.resolve("messages.yml"), "greeting: \"Hello {name}!\"\n");
			IntentCatalog catalog = catalog("shop.yml",
					"intents:\n  - id: greeting\n    examples: [hello]\n    answer: Hi!\n");

			catalog.addExample("greeting", "hey");

			assertThat(read("messages.yml")).isEqualTo("greeting: \"Hello {name}!\"\n");
		}
	}

	@Nested
	class TheCatalog {

		@Test
		void reloadsAtOnceAndTellsTheMatcher() throws IOException {
			IntentCatalog catalog = catalog("shop.yml", "intents:\n  - id: greeting\n    examples: [hello]\n    answer: Hi!\n");

			catalog.addExample("greeting", "  good   morning  ");

			assertThat(published).singleElement().isInstanceOfSatisfying(IntentsReloaded.class,
					reloaded -> assertThat(reloaded.intents().find("greeting").orElseThrow().examples())
						.containsExactly("hello", "good morning"));
			catalog.reloadIfChanged();
			assertThat(published).hasSize(1);
		}

		@Test
		void refusesAnUnknownIntentAndChangesNothing() throws IOException {
			String text = "intents:\n  - id: greeting\n    examples: [hello]\n    answer: Hi!\n";
			IntentCatalog catalog = catalog("shop.yml", text);

			assertThatThrownBy(() -> catalog.addExample("refunds", "money back please"))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage("There is no intent 'refunds'.");
			assertThat(read("shop.yml")).isEqualTo(text);
			assertThat(published).isEmpty();
		}

		@Test
		void refusesAnExampleSomeIntentHasAlready() throws IOException {
			IntentCatalog catalog = catalog("shop.yml", """
					intents:
					  - id: greeting
					    examples: [hello]
					    answer: Hi!
					  - id: thanks
					    examples: [thank you]
					    answer: You're welcome!
					""");

			assertThatThrownBy(() -> catalog.addExample("thanks", "Hello")).isInstanceOf(IllegalArgumentException.class)
				.hasMessage("'Hello' is already an example of 'greeting'.");
		}

		@Test
		void refusesAnEmptyOrOverlongExample() throws IOException {
			IntentCatalog catalog = catalog("shop.yml", "intents:\n  - id: greeting\n    examples: [hello]\n    answer: Hi!\n");

			assertThatThrownBy(() -> catalog.addExample("greeting", "  ")).isInstanceOf(IllegalArgumentException.class);
			assertThatThrownBy(() -> catalog.addExample("greeting", "x".repeat(IntentCatalog.MAX_EXAMPLE + 1)))
				.isInstanceOf(IllegalArgumentException.class);
		}

		@Test
		void refusesAnExampleWithoutLettersOrDigitsAndChangesNothing() throws IOException {
			String before = "intents:\n  - id: greeting\n    examples: [hello]\n    answer: Hi!\n";
			IntentCatalog catalog = catalog("shop.yml", before);

			assertThatThrownBy(() -> catalog.addExample("greeting", "\uD83D\uDC4B!"))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessage("The example has no letters or digits; the bot matches by words.");
			assertThat(read("shop.yml")).isEqualTo(before);
		}
	}
}
