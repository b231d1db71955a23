package frontdesk.matching;

import frontdesk.intent.Intent;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTests {

	@Nested
	class Contractions {

		@ParameterizedTest
		@CsvSource(delimiter = '|', textBlock = """
				I can't log in              | i can not log in
				it won't arrive             | it will not arrive
				it doesn't work             | it does not work
				you're late                 | you are late
				I'm waiting                 | i am waiting
				we'll see                   | we will see
				I've paid                   | i have paid
				I'd like a refund           | i would like a refund
				let's go                    | let us go
				it's broken                 | it is broken
				what's the price            | what is the price
				where's my parcel           | where is my parcel
				my order's status           | my order status
				""")
		void spellsOutContractions(String text, String normalized) {
			assertThat(TextNormalizer.normalize(text)).isEqualTo(normalized);
		}

		@Test
		void spellsOutContractionsWrittenWithCurlyApostrophes() {
			assertThat(TextNormalizer.normalize("I can\u2019t find what\u2019s wrong")).isEqualTo("i can not find what is wrong");
		}

		@Test
		void spellsOutCommonContractionsTypedWithoutApostrophe() {
			assertThat(TextNormalizer.normalize("dont know, im lost, cant log in")).isEqualTo("do not know i am lost can not log in");
		}

	}

	@Nested
	class Characters {

		@Test
		void lowerCasesAndStripsAccents() {
			assertThat(TextNormalizer.normalize("Caf\u00E9 CR\u00C8ME na\u00EFve Stra\u00DFe")).isEqualTo("cafe creme naive stra\u00DFe");
		}

		@Test
		void removesPunctuationAndCollapsesWhitespace() {
			assertThat(TextNormalizer.normalize("  Where   is\tmy order?!\n(#123) \u201Cfast\u201D -- please...  "))
				.isEqualTo("where is my order 123 fast please");
		}

		@Test
		void dropsQuotesAroundWords() {
			assertThat(TextNormalizer.normalize("the 'blue' kettle")).isEqualTo("the blue kettle");
		}

		@Test
		void dropsEmoji() {
			assertThat(TextNormalizer.normalize("where is my order \uD83D\uDCE6\uD83D\uDE42\u2764\uFE0F"))
				.isEqualTo("where is my order");
		}

		@Test
		void keepsLettersAndDigitsOfOtherScripts() {
			assertThat(TextNormalizer.normalize("\u041F\u0440\u0438\u0432\u0435\u0442, \u6771\u4EAC! \u0663"))
				.isEqualTo("\u043F\u0440\u0438\u0432\u0435\u0442 \u6771\u4EAC \u0663");
		}

		@Test
		void keepsTheMarksThatSpellWordsInScriptsOtherThanLatinGreekAndCyrillic() {
			assertThat(TextNormalizer.normalize("\u0928\u092E\u0938\u094D\u0924\u0947!"))
				.as("Hindi, with its virama and vowel sign").isEqualTo("\u0928\u092E\u0938\u094D\u0924\u0947");
			assertThat(TextNormalizer.normalize("\u0915\u093E\u092E")).as("work is not less")
				.isNotEqualTo(TextNormalizer.normalize("\u0915\u092E"));
			assertThat(TextNormalizer.normalize("\u0E2A\u0E27\u0E31\u0E2A\u0E14\u0E35")).as("Thai")
				.isEqualTo("\u0E2A\u0E27\u0E31\u0E2A\u0E14\u0E35");
			assertThat(TextNormalizer.normalize("\u304F\u3060\u3055\u3044")).as("kana with a voicing mark")
				.isEqualTo("\u304F\u3060\u3055\u3044");
			assertThat(TextNormalizer.normalize("\uAC00\uAC8C")).as("Korean syllables stay whole").isEqualTo("\uAC00\uAC8C");
		}

		@Test
		void dropsTheAccentsOfGreekAndTheVowelSignsOfArabic() {
			assertThat(TextNormalizer.normalize("\u039A\u03B1\u03BB\u03B7\u03BC\u03AD\u03C1\u03B1"))
				.isEqualTo("\u03BA\u03B1\u03BB\u03B7\u03BC\u03B5\u03C1\u03B1");
			assertThat(TextNormalizer.normalize("\u0645\u064E\u0631\u0652\u062D\u064E\u0628\u064B\u0627"))
				.isEqualTo("\u0645\u0631\u062D\u0628\u0627");
		}

		@Test
		void readsAWordWithInvisibleCharactersInsideAsTheWord() {
			assertThat(TextNormalizer.normalize("wh\u00ADere is my or\u200Dder\u200E?")).as("soft hyphen, joiner, mark")
				.isEqualTo("where is my order");
			assertThat(TextNormalizer.normalize("refund\u200Bplease")).as("a zero-width space parts words")
				.isEqualTo("refund please");
			assertThat(TextNormalizer.normalize("\u0633\u0644\u0640\u0640\u0627\u0645")).as("Arabic stretched")
				.isEqualTo("\u0633\u0644\u0627\u0645");
			assertThat(TextNormalizer.normalize("\u0645\u06CC\u200C\u062E\u0648\u0627\u0645")).as("Persian half-space")
				.isEqualTo("\u0645\u06CC\u062E\u0648\u0627\u0645");
		}

		@Test
		void foldsCompatibilityCharacters() {
			assertThat(TextNormalizer.normalize("\uFF37\uFF28\uFF25\uFF32\uFF25 \uFB01le")).isEqualTo("where file");
		}

	}

	@Nested
	class StrangeInput {

		@Test
		void turnsNullAndBlankIntoEmpty() {
			assertThat(TextNormalizer.normalize(null)).isEmpty();
			assertThat(TextNormalizer.normalize("")).isEmpty();
			assertThat(TextNormalizer.normalize(" \t\n ")).isEmpty();
			assertThat(TextNormalizer.normalize("?!... \uD83D\uDE00")).isEmpty();
		}

		@Test
		void handlesTheLongestTelegramMessage() {
			String text = "Where's my parcel?! \uD83D\uDCE6 ".repeat(200).substring(0, 4096);

			String normalized = TextNormalizer.normalize(text);

			assertThat(normalized).startsWith("where is my parcel where is my parcel").doesNotContain("  ", "'", "?");
		}

		@ParameterizedTest
		@ValueSource(strings = { "\uD83D\uDC4D", "?!...", "' - '", "\u2764\uFE0F", "\u0301\u0301", "\u2122", "\u00B2",
				"\u00BD", "\uFF37", "\u0663", "\u6771", "'s", "n't", "ok \uD83D\uDC4D" })
		void isEmptyExactlyWhenTheIntentFilesSayAnExampleHasNoWords(String text) {
			assertThat(TextNormalizer.normalize(text).isEmpty()).isEqualTo(!Intent.hasWords(text));
		}

		@Test
		void ignoresTextBeyondTheMaximumLength() {
			String normalized = TextNormalizer.normalize("word ".repeat(TextNormalizer.MAX_LENGTH));

			assertThat(normalized).isEqualTo("word ".repeat(TextNormalizer.MAX_LENGTH / 5).strip());
		}

	}

}
