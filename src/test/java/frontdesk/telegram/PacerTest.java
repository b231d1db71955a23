package frontdesk.telegram;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import frontdesk.SettableClock;

import static org.assertj.core.api.Assertions.assertThat;

class PacerTest {

	private final SettableClock clock = new SettableClock();

	{
		clock.freeze(Instant.parse("2026-11-23T10:00:00Z"));
	}

	private final TelegramSettings.OutboxSettings settings = new TelegramSettings.OutboxSettings(30, 1, 3, 20, 4,
			Duration.ofMinutes(5), Duration.ofDays(1));

	private final Pacer pacer = new Pacer(settings,
			() -> clock.instant().getEpochSecond() * 1_000_000_000L + clock.instant().getNano());

	@Test
	void letsAShortBurstThroughThenOnePerSecondToAChat() {
		assertThat(taken(42L, 10)).isEqualTo(3);

		clock.advance(Duration.ofSeconds(1));
		assertThat(taken(42L, 10)).isEqualTo(1);

		clock.advance(Duration.ofMillis(500));
		assertThat(taken(42L, 10)).isZero();
	}

	@Test
	void pacesChatsIndependently() {
		assertThat(taken(1L, 5)).isEqualTo(3);
		assertThat(taken(2L, 5)).isEqualTo(3);
	}

	@Test
	void keepsToThirtyPerSecondOverall() {
		int taken = 0;
		for (long chat = 1; chat <= 100; chat++) {
			taken += taken(chat, 1);
		}
		assertThat(taken).isEqualTo(30);

		clock.advance(Duration.ofSeconds(1));
		taken = 0;
		for (long chat = 101; chat <= 200; chat++) {
			taken += taken(chat, 1);
		}
		assertThat(taken).isEqualTo(30);
	}

	@Test
	void keepsToTwentyPerMinuteInAGroup() {
		long group = -1002003004005L;
		int taken = 0;
		for (int second = 0; second < 60; second++) {
			taken += taken(group, 5);
			clock.advance(Duration.ofSeconds(1));
		}
		assertThat(taken).isEqualTo(20);
	}

	@Test
	void callbackAnswersDoNotUseTheChatsSlots() {
		assertThat(taken(42L, 3)).isEqualTo(3);

		assertThat(pacer.tryAcquire(OutboxMessage.callbackAnswer(42L, "query-1", null, clock.instant()))).isZero();
	}

	@Test
	void editsOfCardsCountAgainstTheGroupsTwentyAMinute() {
		long group = -1002003004005L;
		int taken = 0;
		for (int second = 0; second < 60; second++) {
			taken += taken(group, 2);
			OutboxMessage edit = OutboxMessage.edit(group, "card:" + second, "#T-000001 Taken by Grace", null,
					clock.instant());
			taken += pacer.tryAcquire(edit).isZero() ? 1 : 0;
			clock.advance(Duration.ofSeconds(1));
		}
		assertThat(taken).isEqualTo(20);
	}

	@Test
	void saysHowLongUntilTheNextSlot() {
		taken(42L, 3);

		assertThat(pacer.tryAcquire(post(42L))).isEqualTo(Duration.ofSeconds(1));
		clock.advance(Duration.ofMillis(600));
		assertThat(pacer.tryAcquire(post(42L))).isEqualTo(Duration.ofMillis(400));
	}

	private int taken(long chatId, int tries) {
		int taken = 0;
		for (int i = 0; i < tries; i++) {
			if (pacer.tryAcquire(post(chatId)).isZero()) {
				taken++;
			}
		}
		return taken;
	}

	private OutboxMessage post(long chatId) {
		return OutboxMessage.text(chatId, null, "hello", null, null, null, clock.instant());
	}
}
