package frontdesk.conversation;

import java.time.LocalDateTime;
import java.time.ZoneId;

import frontdesk.SettableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A business that promises an answer within more open time than a day holds (Monday to Friday 09:00–17:30, ten hours):
 * every request in hours is answered after a closing, which is the wait, not the closing, so the customer hears
 * neither "shortly" nor "we close soon", but the promise.
 */
@SpringBootTest(properties = { "frontdesk.data-dir=./target/test-data/handoff-wording-${random.uuid}",
		"frontdesk.telegram.token=", "frontdesk.matching.model=lexical", "frontdesk.hours.response-time=PT10H" })
@Import(HandoffWordingTest.Clocks.class)
class HandoffWordingTest {

	static final SettableClock clock = new SettableClock();

	@Autowired
	ConversationService service;

	static class Clocks {

		@Bean
		@Primary
		SettableClock settableClock() {
			return clock;
		}
	}

	private String askForPersonAt(String localDateTime, String customer) {
		clock.freeze(LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/London")).toInstant());
		return service.handle(Inbound.text(new CustomerProfile("test", customer, "Ada", null), "/human", null))
			.replies()
			.get(0)
			.text();
	}

	@Test
	void promisesTomorrowWithoutSayingTheBusinessClosesSoonAtTheStartOfTheDay() {
		assertThat(askForPersonAt("2026-11-23T09:00", "early")).startsWith("Thanks, a person from our team will answer "
				+ "by Tuesday 10:30 at the latest (Europe/London): you are number ").doesNotContain("shortly", "close soon");
	}

	@Test
	void promisesTheDayAfterTomorrowLateInTheDayAlike() {
		assertThat(askForPersonAt("2026-11-23T17:00", "late")).startsWith("Thanks, a person from our team will answer "
				+ "by Wednesday 10:00 at the latest")
			.doesNotContain("shortly", "close soon");
	}
}
