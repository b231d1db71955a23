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
}
