package frontdesk.hours;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for binding {@link HoursSettings} from {@code frontdesk.hours} properties.
 */
class HoursSettingsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(Settings.class);

	@Nested
	class Defaults {

		@Test
		void opensWeekdaysAndSaturdayMorningInLondonWhenNothingIsSet() {
			runner.run((context) -> {
				HoursSettings settings = context.getBean(HoursSettings.class);
				assertThat(settings.zone()).isEqualTo(ZoneId.of("Europe/London"));
				assertThat(settings.schedule()).containsEntry(DayOfWeek.MONDAY, List.of(range("09:00-17:30")))
					.containsEntry(DayOfWeek.FRIDAY, List.of(range("09:00-17:30")))
					.containsEntry(DayOfWeek.SATURDAY, List.of(range("10:00-14:00")))
					.containsEntry(DayOfWeek.SUNDAY, List.of());
				assertThat(settings.closedDates()).isEmpty();
				assertThat(settings.responseTime()).isEqualTo(Duration.ofHours(2));
				assertThat(settings.remindBefore()).isEqualTo(Duration.ofMinutes(30));
			});
		}

		@Test
		void keepsDefaultsForSettingsLeftOut() {
			runner.withPropertyValues("frontdesk.hours.response-time=PT4H").run((context) -> {
				HoursSettings settings = context.getBean(HoursSettings.class);
				assertThat(settings.responseTime()).isEqualTo(Duration.ofHours(4));
				assertThat(settings.zone()).isEqualTo(ZoneId.of("Europe/London"));
				assertThat(settings.schedule().get(DayOfWeek.SATURDAY)).containsExactly(range("10:00-14:00"));
			});
		}

	}

	@Nested
	class Binding {

		@Test
		void bindsTheWholeSpecExample() {
			runner.withPropertyValues("frontdesk.hours.zone=Europe/Berlin", "frontdesk.hours.weekly.mon=09:00-17:30",
					"frontdesk.hours.weekly.wed[0]=09:00-12:00", "frontdesk.hours.weekly.wed[1]=13:00-17:30",
					"frontdesk.hours.weekly.sat=10:00-14:00", "frontdesk.hours.closed-dates=2026-12-25,2026-12-26",
					"frontdesk.hours.response-time=PT3H", "frontdesk.hours.remind-before=PT15M")
				.run((context) -> {
					HoursSettings settings = context.getBean(HoursSettings.class);
					assertThat(settings.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
					assertThat(settings.schedule().get(DayOfWeek.WEDNESDAY)).containsExactly(range("09:00-12:00"),
							range("13:00-17:30"));
					assertThat(settings.schedule().get(DayOfWeek.TUESDAY)).isEmpty();
					assertThat(settings.closedDates()).containsExactly(LocalDate.of(2026, 12, 25),
							LocalDate.of(2026, 12, 26));
					assertThat(settings.responseTime()).isEqualTo(Duration.ofHours(3));
					assertThat(settings.remindBefore()).isEqualTo(Duration.ofMinutes(15));
				});
		}

		@Test
		void acceptsFullDayNamesInAnyCase() {
			runner.withPropertyValues("frontdesk.hours.weekly.Monday=09:00-17:00",
					"frontdesk.hours.weekly.TUE=10:00-16:00", "frontdesk.hours.weekly.sunday=00:00-24:00")
				.run((context) -> {
					HoursSettings settings = context.getBean(HoursSettings.class);
					assertThat(settings.schedule().get(DayOfWeek.MONDAY)).containsExactly(range("09:00-17:00"));
					assertThat(settings.schedule().get(DayOfWeek.TUESDAY)).containsExactly(range("10:00-16:00"));
					assertThat(settings.schedule().get(DayOfWeek.SUNDAY)).containsExactly(range("00:00-24:00"));
				});
		}

		@Test
		void sortsRangesOfADay() {
			runner.withPropertyValues("frontdesk.hours.weekly.wed=13:00-17:30,09:00-12:00")
				.run((context) -> assertThat(context.getBean(HoursSettings.class).schedule().get(DayOfWeek.WEDNESDAY))
					.containsExactly(range("09:00-12:00"), range("13:00-17:30")));
		}

		@Test
		void acceptsRangesThatTouch() {
			runner.withPropertyValues("frontdesk.hours.weekly.wed=09:00-12:00,12:00-17:30")
				.run((context) -> assertThat(context.getBean(HoursSettings.class).schedule().get(DayOfWeek.WEDNESDAY))
					.hasSize(2));
		}

		@Test
		void treatsDayWithoutRangesAsClosed() {
			runner.withPropertyValues("frontdesk.hours.weekly.mon=09:00-17:00", "frontdesk.hours.weekly.sun=")
				.run((context) -> assertThat(context.getBean(HoursSettings.class).schedule().get(DayOfWeek.SUNDAY))
					.isEmpty());
		}

	}

	@Nested
	class StartUpErrors {

		@Test
		void rejectsUnknownZone() {
			assertFailsNaming("frontdesk.hours.zone", "Mars/Olympus", "frontdesk.hours.zone=Mars/Olympus");
		}

		@Test
		void rejectsTimeOutsideTheDay() {
			assertFailsNaming("frontdesk.hours.weekly.mon", "'25:00' is not a time of day",
					"frontdesk.hours.weekly.mon=09:00-25:00");
		}

		@Test
		void rejectsHoursWithoutMinutes() {
			assertFailsNaming("frontdesk.hours.weekly.mon", "'9' is not a time of day", "frontdesk.hours.weekly.mon=9-5");
		}

		@Test
		void rejectsReversedRange() {
			assertFailsNaming("frontdesk.hours.weekly.fri", "ends before it starts",
					"frontdesk.hours.weekly.fri=17:00-09:00");
		}

		@Test
		void rejectsOverlappingRanges() {
			assertFailsNaming("frontdesk.hours.weekly.wed", "ranges 09:00-13:00 and 12:00-17:30 overlap",
					"frontdesk.hours.weekly.wed=12:00-17:30,09:00-13:00");
		}

		@Test
		void rejectsAllDayRangeWithAnotherRange() {
			assertFailsNaming("frontdesk.hours.weekly.sat", "overlap",
					"frontdesk.hours.weekly.sat=00:00-24:00,10:00-14:00");
		}

		@Test
		void rejectsUnknownDay() {
			assertFailsNaming("frontdesk.hours.weekly.funday", "'funday' is not a day of the week",
					"frontdesk.hours.weekly.funday=09:00-17:00");
		}

		@Test
		void rejectsDayGivenTwice() {
			assertFailsNaming("frontdesk.hours.weekly", "Monday is given more than once",
					"frontdesk.hours.weekly.mon=09:00-17:00", "frontdesk.hours.weekly.monday=10:00-16:00");
		}

		@Test
		void rejectsWeekWithoutOpenTime() {
			assertFailsNaming("frontdesk.hours.weekly", "no open time on any day", "frontdesk.hours.weekly.sun=");
		}

		@Test
		void rejectsZeroResponseTime() {
			assertFailsNaming("frontdesk.hours.response-time", "must be a positive duration",
					"frontdesk.hours.response-time=PT0S");
		}

		@Test
		void rejectsNegativeResponseTime() {
			assertFailsNaming("frontdesk.hours.response-time", "must be a positive duration",
					"frontdesk.hours.response-time=-PT1H");
		}

		@Test
		void rejectsAResponseTimeNoRequestCouldBePromised() {
			for (String properties : List.of("frontdesk.hours.response-time=P1000D",
					"frontdesk.hours.weekly.mon=09:00-10:00,frontdesk.hours.response-time=PT200H")) {
				runner.withPropertyValues(properties.split(",")).run((context) -> {
					Throwable reason = context.getStartupFailure();
					while (reason.getCause() != null) {
						reason = reason.getCause();
					}
					// Spring Boot's start-up report names such a setting, its value and the reason, without a stack trace
					assertThat(reason).isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
							invalid -> assertThat(invalid.getName()).isEqualTo("frontdesk.hours.response-time"));
					assertThat(reason.getMessage()).contains("A request made now could not be promised an answer",
							"two years");
				});
			}
		}

		@Test
		void rejectsBadClosedDate() {
			assertFailsNaming("frontdesk.hours.closed-dates", "2026-13-01", "frontdesk.hours.closed-dates=2026-13-01");
		}

		@Test
		void theReasonOfABadRangeNamesTheSetting() {
			for (String range : List.of("9am-5pm", "09:00-25:00", "17:00-09:00")) {
				runner.withPropertyValues("frontdesk.hours.weekly.tue=" + range).run((context) -> {
					// Spring Boot's start-up report gives the deepest cause as the reason
					Throwable reason = context.getStartupFailure();
					while (reason.getCause() != null) {
						reason = reason.getCause();
					}
					assertThat(reason.getMessage()).startsWith("frontdesk.hours.weekly.tue: '" + range + "'");
				});
			}
		}

		private void assertFailsNaming(String property, String problem, String... properties) {
			runner.withPropertyValues(properties).run((context) -> {
				assertThat(context).hasFailed();
				assertThat(messages(context.getStartupFailure())).contains(property).contains(problem);
			});
		}

		private String messages(Throwable failure) {
			List<String> messages = new ArrayList<>();
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				messages.add(cause.getMessage());
			}
			return String.join(" / ", messages);
		}

	}

	@Test
	void parsesRangesInSettingsCreatedInCode() {
		HoursSettings settings = new HoursSettings(null, Map.of("sun", List.of("11:00-15:00")), null, null,
				null);
		assertThat(settings.schedule().get(DayOfWeek.SUNDAY))
			.containsExactly(new TimeRange(LocalTime.of(11, 0), LocalTime.of(15, 0)));
		assertThat(settings.schedule().get(DayOfWeek.MONDAY)).isEmpty();
	}

	private static TimeRange range(String text) {
		return TimeRange.parse(text);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(HoursSettings.class)
	@Import(HoursConfiguration.class)
	static class Settings {

	}

}
