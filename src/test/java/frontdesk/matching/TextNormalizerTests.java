package frontdesk.matching;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

		@Test
		void ignoresTextBeyondTheMaximumLength() {
			String normalized = TextNormalizer.normalize("word ".repeat(TextNormalizer.MAX_LENGTH));

			assertThat(normalized).isEqualTo("word ".repeat(TextNormalizer.MAX_LENGTH / 5).strip());
		}

	}

}
