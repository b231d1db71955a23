package frontdesk.conversation;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class UpsetSignsTest {

	private final UpsetSigns signs = new UpsetSigns(List.of("ridiculous", "fed   up", "complain*", "can't believe",
			" ", "*"));

	@ParameterizedTest
	@ValueSource(strings = { "this is Ridiculous", "I'm FED UP with waiting", "i'm fed\nup", "I want to complain",
			"where do I send my complaint?", "I can’t believe it", "I'm really fed-up", "WHERE IS MY ORDER", "WHERE IS MY ORDER?! I PAID",
			"REFUND NOW!!!", "HELP ME !!",
			"ДЕ МОЄ ЗАМОВЛЕННЯ ВЖЕ ТИЖДЕНЬ" })
	void seesAWordOrPhraseFromTheListOrShouting(String text) {
		assertThat(signs.in(text)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "where is my order", "ridiculously fast delivery, thanks", "unfed", "OK", "DPD UK",
			"Is my order with DPD UK yet", "I ordered the XL T-SHIRT", "my code FREESHIPPINGUK is not working", "",
			"*", "これは何ですか", "DPD UK!", "REFUND!!!", "Thanks!!!", "Refund NOW!!" })
	void leavesCalmTextsAndAbbreviationsAlone(String text) {
		assertThat(signs.in(text)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "this is ridiculous", "complaint" })
	void anEmptyListLeavesOnlyShouting(String text) {
		UpsetSigns shoutingOnly = new UpsetSigns(List.of());

		assertThat(shoutingOnly.in(text)).isFalse();
		assertThat(shoutingOnly.in(text.toUpperCase() + " AND MORE")).isTrue();
	}

}
