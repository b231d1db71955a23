package frontdesk.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CutTest {

	private static final String EMOJI = "😀";

	@Test
	void leavesATextThatFitsAsItIs() {
		assertThat(Cut.shorten("Your refund went out today.", 27)).isEqualTo("Your refund went out today.");
		assertThat(Cut.toLength("Your refund", 11)).isEqualTo("Your refund");
	}

	@Test
	void shortensAfterAWordWithTheEllipsisWithinTheLength() {
		String shortened = Cut.shorten("Your refund went out today. ".repeat(10), 80);

		assertThat(shortened).isEqualTo("Your refund went out today. Your refund went out today. Your refund went out…");
	}

	@Test
	void shortensAWordWithoutSpacesWhereItMust() {
		assertThat(Cut.shorten("x".repeat(200), 80)).isEqualTo("x".repeat(79) + "…");
	}

	@Test
	void neverShortensInTheMiddleOfAnEmoji() {
		assertThat(Cut.shorten("a".repeat(78) + EMOJI + " and more", 80)).isEqualTo("a".repeat(78) + "…");
		assertThat(Cut.shorten("a".repeat(77) + EMOJI + "and more", 80)).isEqualTo("a".repeat(77) + EMOJI + "…");
	}

	@Test
	void neverCutsAFlagAFamilyOrASkinToneApart() {
		String flags = "🇬🇧🇬🇧🇬🇧";
		assertThat(Cut.toLength(flags, 7)).isEqualTo("🇬🇧");
		String family = "👨‍👩‍👧‍👦";
		assertThat(Cut.toLength("ab" + family, 10)).isEqualTo("ab");
		assertThat(Cut.toLength("👍🏽👍🏽", 5)).isEqualTo("👍🏽");
		assertThat(Cut.shorten("x".repeat(10) + "👍🏽👍🏽", 14)).isEqualTo("x".repeat(10) + "…");
	}

	@Test
	void shortensToNothingButWhatFitsWhenTheLengthLeavesNoRoomForTheEllipsis() {
		assertThat(Cut.shorten("hello", 0)).isEmpty();
		assertThat(Cut.shorten("hello", 1)).isEqualTo("h");
	}

	@Test
	void neverCutsAnEmojiInHalf() {
		assertThat(Cut.toLength("aaa" + EMOJI, 4)).isEqualTo("aaa");
		assertThat(Cut.toLength("aaa" + EMOJI + "b", 5)).isEqualTo("aaa" + EMOJI);
		assertThat(Cut.at(EMOJI.repeat(3), 3)).isEqualTo(2);
		assertThat(Cut.at(EMOJI.repeat(3), 4)).isEqualTo(4);
	}
}
