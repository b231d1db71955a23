package frontdesk.staff;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StaffDeskTest {

	@Test
	void showsAShortTextWhole() {
		assertThat(StaffDesk.excerpt("  Your refund went out today.\n")).isEqualTo("Your refund went out today.");
	}

	@Test
	void putsTheExcerptOnOneLine() {
		assertThat(StaffDesk.excerpt("Your refund\n\nwent out today.")).isEqualTo("Your refund went out today.");
	}

	@Test
	void cutsALongTextShortAfterAWord() {
		String excerpt = StaffDesk.excerpt("Your refund went out today. ".repeat(10));

		assertThat(excerpt).isEqualTo("Your refund went out today. Your refund went out today. Your refund went out…");
	}

	@Test
	void cutsAWordWithoutSpacesWhereItMust() {
		assertThat(StaffDesk.excerpt("x".repeat(200))).isEqualTo("x".repeat(StaffDesk.EXCERPT) + "…");
	}

	@Test
	void neverCutsAnEmojiInHalf() {
		String excerpt = StaffDesk.excerpt("a".repeat(StaffDesk.EXCERPT - 1) + "😀 and more");

		assertThat(excerpt).isEqualTo("a".repeat(StaffDesk.EXCERPT - 1) + "…");
	}
}
