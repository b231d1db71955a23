package frontdesk.staff;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import frontdesk.SettableClock;
import frontdesk.conversation.BotBlockChanged;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

@DataJpaTest
@Import({ HandledEvents.class, HandledEventsTest.Beans.class })
class HandledEventsTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	static final SettableClock clock = new SettableClock();

	@Autowired
	HandledEvents handled;

	@Test
	void anEventIsActedOnOnceAndAnotherThatHoldsSomethingElseToo() {
		clock.set(NOW);

		assertThat(handled.first(new BotBlockChanged(7L, true, NOW))).isTrue();
		assertThat(handled.first(new BotBlockChanged(7L, true, NOW))).isFalse();
		assertThat(handled.first(new BotBlockChanged(7L, false, NOW.plusSeconds(60)))).isTrue();
		assertThat(handled.first(new BotBlockChanged(8L, true, NOW))).isTrue();
	}

	@Test
	void anEventIsForgottenAfterThirtyDays() {
		clock.set(NOW);
		handled.first(new BotBlockChanged(9L, true, NOW));

		clock.advance(HandledEvents.KEEP.minus(Duration.ofMinutes(1)));
		handled.forgetOld();
		assertThat(handled.first(new BotBlockChanged(9L, true, NOW))).isFalse();

		clock.advance(Duration.ofMinutes(2));
		handled.forgetOld();
		assertThat(handled.first(new BotBlockChanged(9L, true, NOW))).isTrue();
	}

	static class Beans {

		@Bean
		@Primary
		SettableClock settableClock() {
			return clock;
		}
	}
}
