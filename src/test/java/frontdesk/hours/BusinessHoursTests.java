package frontdesk.hours;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link BusinessHours}. January 2026 is winter time in London (UTC+0); Saturday
 * 10 January, Monday 12 January and Wednesday 14 January are the usual example days.
 */
class BusinessHoursTests {

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private static final List<String> WORKDAY = List.of("09:00-17:30");

	/** The schedule of the example in the specification. */
	private static final Map<String, List<String>> SHOP_WEEK = Map.of("mon", WORKDAY, "tue", WORKDAY, "wed",
			List.of("09:00-12:00", "13:00-17:30"), "thu", WORKDAY, "fri", List.of("09:00-17:00"), "sat",
			List.of("10:00-14:00"));

	private final BusinessHours shop = hours(SHOP_WEEK, LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26));

	@Nested
	class IsOpen {

		@Test
		void isOpenDuringARange() {
			assertThat(shop.isOpen(at("2026-01-12T10:00"))).isTrue();
		}

		@Test
		void opensAtTheStartOfARangeAndClosesAtItsEnd() {
			assertThat(shop.isOpen(at("2026-01-12T08:59"))).isFalse();
			assertThat(shop.isOpen(at("2026-01-12T09:00"))).isTrue();
			assertThat(shop.isOpen(at("2026-01-12T17:29"))).isTrue();
			assertThat(shop.isOpen(at("2026-01-12T17:30"))).isFalse();
		}

		@Test
		void isClosedOverLunch() {
			assertThat(shop.isOpen(at("2026-01-14T12:30"))).isFalse();
			assertThat(shop.isOpen(at("2026-01-14T13:00"))).isTrue();
		}

		@Test
		void isClosedOnADayWithoutRanges() {
			assertThat(shop.isOpen(at("2026-01-11T12:00"))).isFalse();
		}

		@Test
		void isClosedOnAClosedDate() {
			assertThat(shop.isOpen(at("2026-12-25T10:00"))).isFalse();
			assertThat(shop.isOpen(at("2026-12-24T10:00"))).isTrue();
		}

		@Test
		void allDayRangeIsOpenAtMidnight() {
			BusinessHours hours = hours(Map.of("sun", List.of("00:00-24:00"), "mon", WORKDAY));
			assertThat(hours.isOpen(at("2026-01-10T23:59"))).isFalse();
			assertThat(hours.isOpen(at("2026-01-11T00:00"))).isTrue();
			assertThat(hours.isOpen(at("2026-01-11T23:59"))).isTrue();
			assertThat(hours.isOpen(at("2026-01-12T00:00"))).isFalse();
		}

		@Test
		void measuresTheOpeningNowFromWhenItOpenedToWhenItCloses() {
			assertThat(shop.openingLasts(at("2026-01-12T16:00"), Duration.parse("PT8H30M"))).isTrue();
			assertThat(shop.openingLasts(at("2026-01-12T16:00"), Duration.parse("PT8H31M"))).isFalse();
			assertThat(shop.openingLasts(at("2026-01-14T10:30"), Duration.ofHours(3))).isTrue();
			assertThat(shop.openingLasts(at("2026-01-14T10:30"), Duration.parse("PT3H1M"))).isFalse();
			assertThat(shop.openingLasts(at("2026-01-14T12:30"), Duration.ofMinutes(1))).isFalse();
		}

		@Test
		void takesRangesThatFollowOnPastMidnightAsOneOpening() {
			BusinessHours nights = hours(Map.of("fri", List.of("20:00-24:00"), "sat", List.of("00:00-04:00")));
			BusinessHours weekdays = hours(Map.of("mon", List.of("00:00-24:00"), "tue", List.of("00:00-24:00"), "wed",
					List.of("00:00-24:00"), "thu", List.of("00:00-24:00"), "fri", List.of("00:00-24:00")));

			assertThat(nights.openingLasts(at("2026-01-09T21:00"), Duration.ofHours(8))).isTrue();
			assertThat(nights.openingLasts(at("2026-01-10T03:00"), Duration.ofHours(8))).isTrue();
			assertThat(nights.openingLasts(at("2026-01-10T03:00"), Duration.parse("PT8H1M"))).isFalse();
			assertThat(weekdays.openingLasts(at("2026-01-16T20:00"), Duration.ofHours(120))).isTrue();
			assertThat(weekdays.openingLasts(at("2026-01-16T20:00"), Duration.ofHours(121))).isFalse();
		}

		@Test
		void keepsWallClockHoursInSummerTime() {
			assertThat(shop.isOpen(Instant.parse("2026-07-06T08:30:00Z"))).isTrue();
			assertThat(shop.isOpen(Instant.parse("2026-07-06T16:45:00Z"))).isFalse();
		}

	}

	@Nested
	class NextOpening {

		@Test
		void opensMondayMorningAfterSaturdayClosing() {
			assertThat(shop.nextOpening(at("2026-01-10T15:00"))).isEqualTo(at("2026-01-12T09:00"));
		}

		@Test
		void opensLaterTheSameDayBeforeTheFirstRange() {
			assertThat(shop.nextOpening(at("2026-01-12T07:00"))).isEqualTo(at("2026-01-12T09:00"));
		}

		@Test
		void opensAfterLunchBreak() {
			assertThat(shop.nextOpening(at("2026-01-14T12:15"))).isEqualTo(at("2026-01-14T13:00"));
		}

		@Test
		void skipsClosedDates() {
			assertThat(shop.nextOpening(at("2026-12-24T18:00"))).isEqualTo(at("2026-12-28T09:00"));
		}

		@Test
		void whenOpenGivesTheStartOfTheNextRange() {
			assertThat(shop.nextOpening(at("2026-01-12T10:00"))).isEqualTo(at("2026-01-13T09:00"));
			assertThat(shop.nextOpening(at("2026-01-14T10:00"))).isEqualTo(at("2026-01-14T13:00"));
		}

		@Test
		void treatsAllDayRangesInARowAsOneOpenPeriod() {
			BusinessHours hours = hours(
					Map.of("sat", List.of("00:00-24:00"), "sun", List.of("00:00-24:00"), "mon", WORKDAY));
			assertThat(hours.nextOpening(at("2026-01-10T12:00"))).isEqualTo(at("2026-01-12T09:00"));
		}

		@Test
		void opensInSummerTimeAtTheSameWallClockTime() {
			assertThat(shop.nextOpening(at("2026-03-29T12:00"))).isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
		}

		@Test
		void failsWhenEveryOpenDayIsClosedForTwoYears() {
			LocalDate[] everyMonday = Stream.iterate(LocalDate.of(2026, 1, 5), (day) -> day.plusWeeks(1))
				.limit(110)
				.toArray(LocalDate[]::new);
			BusinessHours hours = hours(Map.of("mon", WORKDAY), everyMonday);
			assertThatIllegalStateException().isThrownBy(() -> hours.nextOpening(at("2026-01-01T12:00")))
				.withMessageContaining("does not open within two years")
				.withMessageContaining("frontdesk.hours.closed-dates");
		}

		@Test
		void failsWhenTheBusinessNeverCloses() {
			BusinessHours hours = hours(Map.of("mon", List.of("00:00-24:00"), "tue", List.of("00:00-24:00"), "wed",
					List.of("00:00-24:00"), "thu", List.of("00:00-24:00"), "fri", List.of("00:00-24:00"), "sat",
					List.of("00:00-24:00"), "sun", List.of("00:00-24:00")));
			assertThatIllegalStateException().isThrownBy(() -> hours.nextOpening(at("2026-01-12T10:00")));
		}

	}

	@Nested
	class PlusOpenTime {

		private static final Duration TWO_HOURS = Duration.ofHours(2);

		@Test
		void promisesMondayElevenForSaturdayAfternoonRequest() {
			assertThat(shop.plusOpenTime(at("2026-01-10T15:00"), TWO_HOURS)).isEqualTo(at("2026-01-12T11:00"));
		}

		@Test
		void countsWithinTheSameRange() {
			assertThat(shop.plusOpenTime(at("2026-01-12T10:00"), TWO_HOURS)).isEqualTo(at("2026-01-12T12:00"));
		}

		@Test
		void endsAtClosingTimeWhenTheTimeFitsExactly() {
			assertThat(shop.plusOpenTime(at("2026-01-12T15:30"), TWO_HOURS)).isEqualTo(at("2026-01-12T17:30"));
		}

		@Test
		void carriesRemainderToNextOpenDay() {
			assertThat(shop.plusOpenTime(at("2026-01-12T17:10"), TWO_HOURS)).isEqualTo(at("2026-01-13T10:40"));
		}

		@Test
		void startsCountingAtTheNextOpening() {
			assertThat(shop.plusOpenTime(at("2026-01-12T07:00"), TWO_HOURS)).isEqualTo(at("2026-01-12T11:00"));
		}

		@Test
		void skipsLunchBreak() {
			assertThat(shop.plusOpenTime(at("2026-01-14T11:00"), TWO_HOURS)).isEqualTo(at("2026-01-14T14:00"));
		}

		@Test
		void skipsMondayHoliday() {
			BusinessHours hours = hours(SHOP_WEEK, LocalDate.of(2026, 1, 12));
			assertThat(hours.plusOpenTime(at("2026-01-10T15:00"), TWO_HOURS)).isEqualTo(at("2026-01-13T11:00"));
		}

		@Test
		void skipsChristmas() {
			assertThat(shop.plusOpenTime(at("2026-12-24T16:30"), TWO_HOURS)).isEqualTo(at("2026-12-28T10:00"));
		}

		@Test
		void countsAcrossSeveralDays() {
			assertThat(shop.plusOpenTime(at("2026-01-12T09:00"), Duration.ofHours(20)))
				.isEqualTo(at("2026-01-14T12:00"));
		}

		@Test
		void givesTheNextOpeningForNoOpenTime() {
			assertThat(shop.plusOpenTime(at("2026-01-10T15:00"), Duration.ZERO)).isEqualTo(at("2026-01-12T09:00"));
			assertThat(shop.plusOpenTime(at("2026-01-12T10:00"), Duration.ZERO)).isEqualTo(at("2026-01-12T10:00"));
		}

		@Test
		void rejectsNegativeOpenTime() {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> shop.plusOpenTime(at("2026-01-12T10:00"), Duration.ofHours(-1)))
				.withMessageContaining("must not be negative");
		}

	}

	@Nested
	class OpenTimeBetween {

		@Test
		void countsOnlyTheOpenTime() {
			assertThat(shop.openTimeBetween(at("2026-01-12T10:00"), at("2026-01-12T11:15"))).hasMinutes(75);
			// Saturday 15:00 to Monday 10:00: the shop opens again at 09:00 on Monday
			assertThat(shop.openTimeBetween(at("2026-01-10T15:00"), at("2026-01-12T10:00"))).hasHours(1);
			// Monday 17:00 to Tuesday 09:30: half an hour before closing, half an hour after opening
			assertThat(shop.openTimeBetween(at("2026-01-12T17:00"), at("2026-01-13T09:30"))).hasHours(1);
		}

		@Test
		void leavesOutTheLunchBreakAndClosedDates() {
			assertThat(shop.openTimeBetween(at("2026-01-14T11:30"), at("2026-01-14T13:30"))).hasHours(1);
			assertThat(shop.openTimeBetween(at("2026-12-24T17:00"), at("2026-12-28T10:00"))).hasHours(1);
		}

		@Test
		void isWhatPlusOpenTimeAdded() {
			Instant from = at("2026-01-10T15:00");
			Duration open = Duration.ofMinutes(1234);
			assertThat(shop.openTimeBetween(from, shop.plusOpenTime(from, open))).isEqualTo(open);
		}

		@Test
		void isZeroWhileClosedAndForAnEndBeforeTheStart() {
			assertThat(shop.openTimeBetween(at("2026-01-10T15:00"), at("2026-01-11T20:00"))).isZero();
			assertThat(shop.openTimeBetween(at("2026-01-12T11:00"), at("2026-01-12T10:00"))).isZero();
		}

	}

	/**
	 * London clocks go forward on Sunday 29 March 2026 (01:00 GMT becomes 02:00 BST) and back
	 * on Sunday 25 October 2026 (02:00 BST becomes 01:00 GMT).
	 */
	@Nested
	class ClockChanges {

		private final BusinessHours nightShift = hours(Map.of("sun", List.of("00:00-04:00"), "mon", WORKDAY));

		@Test
		void countsSpringForwardNightCorrectly() {
			assertThat(nightShift.plusOpenTime(at("2026-03-29T00:00"), Duration.ofHours(3)))
				.isEqualTo(at("2026-03-29T04:00"))
				.isEqualTo(Instant.parse("2026-03-29T03:00:00Z"));
		}

		@Test
		void shortensRangeThroughTheSkippedHour() {
			assertThat(nightShift.plusOpenTime(at("2026-03-29T00:00"), Duration.ofMinutes(210)))
				.isEqualTo(at("2026-03-30T09:30"));
		}

		@Test
		void countsFallBackNightCorrectly() {
			assertThat(nightShift.plusOpenTime(at("2026-10-25T00:00"), Duration.ofMinutes(270)))
				.isEqualTo(at("2026-10-25T03:30"))
				.isEqualTo(Instant.parse("2026-10-25T03:30:00Z"));
		}

		@Test
		void lengthensRangeThroughTheRepeatedHour() {
			assertThat(nightShift.plusOpenTime(at("2026-10-25T00:00"), Duration.ofHours(5)))
				.isEqualTo(at("2026-10-25T04:00"));
			assertThat(nightShift.plusOpenTime(at("2026-10-25T00:00"), Duration.ofHours(6)))
				.isEqualTo(at("2026-10-26T10:00"));
		}

		@Test
		void isOpenInBothPassesOfTheRepeatedHour() {
			assertThat(nightShift.isOpen(Instant.parse("2026-10-25T00:30:00Z"))).isTrue();
			assertThat(nightShift.isOpen(Instant.parse("2026-10-25T01:30:00Z"))).isTrue();
		}

		@Test
		void opensWhenClocksGoForwardForRangeStartingInTheSkippedHour() {
			BusinessHours hours = hours(Map.of("sun", List.of("01:30-03:00")));
			assertThat(hours.nextOpening(at("2026-03-28T12:00"))).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
			assertThat(hours.plusOpenTime(at("2026-03-28T12:00"), Duration.ofHours(1)))
				.isEqualTo(at("2026-03-29T03:00"));
		}

		@Test
		void keepsAllDayOpenAcrossTheSkippedHour() {
			BusinessHours hours = hours(Map.of("sat", List.of("00:00-24:00"), "sun", List.of("00:00-24:00")));
			assertThat(hours.plusOpenTime(at("2026-03-28T22:00"), Duration.ofHours(6)))
				.isEqualTo(Instant.parse("2026-03-29T04:00:00Z"));
		}

	}

	@Nested
	class DescribeWeek {

		@Test
		void describesWeekWithGroupedDays() {
			assertThat(hours(null).describeWeek(ScheduleWording.ENGLISH))
				.isEqualTo("Monday to Friday 09:00–17:30, Saturday 10:00–14:00; closed on Sunday");
		}

		@Test
		void describesLunchBreak() {
			assertThat(shop.describeWeek(ScheduleWording.ENGLISH)).isEqualTo("Monday and Tuesday 09:00–17:30, "
					+ "Wednesday 09:00–12:00 and 13:00–17:30, Thursday 09:00–17:30, Friday 09:00–17:00, "
					+ "Saturday 10:00–14:00; closed on Sunday");
		}

		@Test
		void describesAllDayOpening() {
			BusinessHours hours = hours(Map.of("mon", WORKDAY, "tue", WORKDAY, "wed", WORKDAY, "sat",
					List.of("00:00-24:00"), "sun", List.of("00:00-24:00")));
			assertThat(hours.describeWeek(ScheduleWording.ENGLISH)).isEqualTo(
					"Monday to Wednesday 09:00–17:30, Saturday and Sunday open all day; closed on Thursday and Friday");
		}

		@Test
		void describesRangeUntilMidnight() {
			assertThat(hours(Map.of("fri", List.of("18:00-24:00"))).describeWeek(ScheduleWording.ENGLISH))
				.isEqualTo("Friday 18:00–24:00; closed on Monday to Thursday, Saturday and Sunday");
		}

		@Test
		void listsEveryClosedDay() {
			BusinessHours hours = hours(Map.of("tue", WORKDAY, "thu", WORKDAY, "sat", WORKDAY));
			assertThat(hours.describeWeek(ScheduleWording.ENGLISH)).isEqualTo("Tuesday 09:00–17:30, Thursday 09:00–17:30, "
					+ "Saturday 09:00–17:30; closed on Monday, Wednesday, Friday and Sunday");
		}

		@Test
		void describesTheWeekInTheGivenWords() {
			ScheduleWording german = new ScheduleWording(Locale.GERMAN, "{first} bis {last}", "und",
					"{days} geschlossen", "ganztägig", null, null);
			BusinessHours hours = hours(Map.of("mon", WORKDAY, "tue", WORKDAY, "wed", List.of("09:00-12:00",
					"13:00-17:30"), "sat", List.of("00:00-24:00"), "sun", List.of("00:00-24:00")));

			assertThat(hours.describeWeek(german)).isEqualTo("Montag und Dienstag 09:00–17:30, Mittwoch 09:00–12:00 "
					+ "und 13:00–17:30, Samstag und Sonntag ganztägig; Donnerstag und Freitag geschlossen");
			assertThat(hours(null).describeWeek(german))
				.isEqualTo("Montag bis Freitag 09:00–17:30, Samstag 10:00–14:00; Sonntag geschlossen");
		}

	}

	@Nested
	class Describe {

		@Test
		void describesNextOpeningByDayAndTime() {
			Instant saturday = at("2026-01-10T15:00");
			Instant opening = shop.nextOpening(saturday);

			assertThat(shop.describe(opening, saturday)).isEqualTo("Monday 09:00");
			assertThat(shop.describeDay(opening, saturday, ScheduleWording.ENGLISH)).isEqualTo("Monday");
			assertThat(shop.describeTime(opening)).isEqualTo("09:00");
		}

		@Test
		void includesTheDateWhenOpeningIsMoreThanSixDaysAway() {
			LocalDate[] holidays = Stream.iterate(LocalDate.of(2025, 12, 24), (day) -> day.plusDays(1))
				.limit(9)
				.toArray(LocalDate[]::new);
			BusinessHours hours = hours(SHOP_WEEK, holidays);
			Instant evening = at("2025-12-23T18:00");

			assertThat(hours.describe(hours.nextOpening(evening), evening)).isEqualTo("Friday 2 January 09:00");
			assertThat(hours.describeDay(hours.nextOpening(evening), evening, ScheduleWording.ENGLISH)).isEqualTo("Friday 2 January");
		}

		@Test
		void namesDaysAndMonthsInTheGivenLanguage() {
			Instant saturday = at("2026-01-10T15:00");
			Instant farOff = at("2026-01-30T09:00");

			assertThat(shop.describe(shop.nextOpening(saturday), saturday, in(Locale.forLanguageTag("pt-BR"))))
				.isEqualTo("segunda-feira 09:00");
			assertThat(shop.describe(farOff, saturday, in(Locale.GERMAN))).isEqualTo("Freitag, 30. Januar 09:00");
		}

		@Test
		void givesADateAWeekOrMoreAheadInTheLanguagesOwnOrder() {
			Instant saturday = at("2026-01-10T15:00");
			Instant farOff = at("2026-01-30T09:00");

			assertThat(Stream.of("de", "es", "ja", "hu", "tr", "ru", "en-US", "he", "th")
				.map((tag) -> shop.describeDay(farOff, saturday, in(Locale.forLanguageTag(tag))))
				.toList()).containsExactly("Freitag, 30. Januar", "viernes, 30 de enero", "1月30日金曜日",
						"január 30., péntek", "30 Ocak Cuma", "пятница, 30 января", "Friday, January 30",
						"יום שישי, 30 בינואר", "วันศุกร์ที่ 30 มกราคม");
			// no language keeps a year or an era, and none fails
			for (Locale locale : Locale.getAvailableLocales()) {
				assertThat(BusinessHours.withoutYear(DateTimeFormatterBuilder.getLocalizedDateTimePattern(FormatStyle.FULL,
						null, IsoChronology.INSTANCE, locale)).replaceAll("'[^']*'", ""))
					.as(locale.toLanguageTag())
					.doesNotContainPattern("[yuYG]");
				assertThat(shop.describeDay(farOff, saturday, in(locale))).as(locale.toLanguageTag()).isNotBlank();
			}
			assertThat(shop.describeDay(farOff, saturday, ScheduleWording.ENGLISH)).isEqualTo("Friday 30 January");
		}

		@Test
		void saysTodayAndTomorrowInTheirWordsWhenTheWordingHasThem() {
			ScheduleWording words = new ScheduleWording(Locale.GERMAN, "{first} bis {last}", "und", "{days} geschlossen",
					"ganztägig", "heute", "morgen");
			Instant fridayMorning = at("2026-01-09T07:00");
			Instant fridayEvening = at("2026-01-09T18:00");

			assertThat(shop.describe(shop.nextOpening(fridayMorning), fridayMorning, words)).isEqualTo("heute 09:00");
			assertThat(shop.describe(shop.nextOpening(fridayEvening), fridayEvening, words)).isEqualTo("morgen 10:00");
			assertThat(shop.describe(shop.nextOpening(fridayEvening), fridayEvening, in(Locale.GERMAN)))
				.isEqualTo("Samstag 10:00");
			assertThat(shop.describe(shop.nextOpening(fridayMorning), fridayMorning)).isEqualTo("Friday 09:00");
		}

		/** The English wording's words in another language. */
		private static ScheduleWording in(Locale locale) {
			ScheduleWording english = ScheduleWording.ENGLISH;
			return new ScheduleWording(locale, english.days(), english.and(), english.closedOn(), english.allDay(), null,
					null);
		}

		@Test
		void describesAPromiseInTheZone() {
			assertThat(shop.describe(Instant.parse("2026-07-06T10:00:00Z"), Instant.parse("2026-07-04T14:00:00Z")))
				.isEqualTo("Monday 11:00");
		}

		@Test
		void includesTheDateFromTheSameWeekdayNextWeek() {
			Instant now = at("2026-01-05T18:00");
			assertThat(shop.describe(at("2026-01-11T11:00"), now)).isEqualTo("Sunday 11:00");
			assertThat(shop.describe(at("2026-01-12T11:00"), now)).isEqualTo("Monday 12 January 11:00");
		}

	}

	@Test
	void keepsItsZone() {
		assertThat(shop.zone()).isEqualTo(LONDON);
	}

	private static BusinessHours hours(Map<String, List<String>> weekly, LocalDate... closedDates) {
		return BusinessHours.of(new HoursSettings(LONDON, weekly, List.of(closedDates), null, null));
	}

	/**
	 * Return the instant a London clock shows the given local date and time.
	 */
	private static Instant at(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
	}

}
