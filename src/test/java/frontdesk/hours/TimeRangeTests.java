package frontdesk.hours;

import java.time.LocalTime;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link TimeRange}.
 */
class TimeRangeTests {

	@Nested
	class Parsing {

		@Test
		void readsStartAndEnd() {
			TimeRange range = TimeRange.parse("09:00-17:30");
			assertThat(range.start()).isEqualTo(LocalTime.of(9, 0));
			assertThat(range.end()).isEqualTo(LocalTime.of(17, 30));
			assertThat(range.endsAtMidnight()).isFalse();
		}

		@Test
		void allowsSpacesAroundTheTimes() {
			assertThat(TimeRange.parse(" 09:00 - 17:30 ")).isEqualTo(TimeRange.parse("09:00-17:30"));
		}

		@Test
		void readsTwentyFourHundredAsMidnightAtTheEndOfTheDay() {
			TimeRange range = TimeRange.parse("18:00-24:00");
			assertThat(range.end()).isEqualTo(LocalTime.MIDNIGHT);
			assertThat(range.endsAtMidnight()).isTrue();
			assertThat(range.isAllDay()).isFalse();
		}

		@Test
		void readsTheWholeDay() {
			TimeRange range = TimeRange.parse("00:00-24:00");
			assertThat(range.isAllDay()).isTrue();
			assertThat(range).hasToString("00:00-24:00");
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
				09:00-25:00   | '25:00' is not a time of day
				9-5           | '9' is not a time of day
				09:00-17:30:15| '09:00-17:30:15' is not a valid time range
				nine to five  | is not a time range
				""            | is not a time range
				09:00         | is not a time range
				17:00-09:00   | ends before it starts
				09:00-09:00   | is empty
				18:00-00:00   | write 24:00
				24:00-24:00   | starts at 24:00, which can only end a range
				24:00-09:00   | a range from midnight starts at 00:00
				""")
		void rejectsBadRangeWithClearMessage(String text, String problem) {
			assertThatIllegalArgumentException().isThrownBy(() -> TimeRange.parse(text))
				.withMessageContaining(problem);
		}

	}

	@Nested
	class Overlapping {

		@Test
		void rangesThatShareTimeOverlap() {
			assertThat(TimeRange.parse("09:00-13:00").overlaps(TimeRange.parse("12:00-17:30"))).isTrue();
			assertThat(TimeRange.parse("12:00-17:30").overlaps(TimeRange.parse("09:00-13:00"))).isTrue();
		}

		@Test
		void rangeInsideAnotherOverlaps() {
			assertThat(TimeRange.parse("09:00-17:30").overlaps(TimeRange.parse("12:00-13:00"))).isTrue();
		}

		@Test
		void rangesThatOnlyTouchDoNotOverlap() {
			assertThat(TimeRange.parse("09:00-12:00").overlaps(TimeRange.parse("12:00-17:30"))).isFalse();
			assertThat(TimeRange.parse("00:00-12:00").overlaps(TimeRange.parse("12:00-24:00"))).isFalse();
		}

		@Test
		void wholeDayOverlapsAnyRange() {
			assertThat(TimeRange.parse("00:00-24:00").overlaps(TimeRange.parse("23:00-24:00"))).isTrue();
			assertThat(TimeRange.parse("10:00-14:00").overlaps(TimeRange.parse("00:00-24:00"))).isTrue();
		}

	}

	@Test
	void rejectsRangeThatEndsBeforeItStarts() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TimeRange(LocalTime.of(17, 0), LocalTime.of(9, 0)))
			.withMessageContaining("17:00-09:00 must end after it starts");
	}

	@Test
	void writesItselfAsInTheSettings() {
		assertThat(TimeRange.parse("09:00-17:30")).hasToString("09:00-17:30");
	}

}
