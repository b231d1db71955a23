package frontdesk.telegram;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
		// (over all chats, five go at once and the rest steadily)
		clock.advance(Duration.ofMillis(200));
		assertThat(taken(2L, 5)).isEqualTo(3);
	}

	@Test
	void keepsToThirtyInEverySecondOverall() {
		// messages to ever new chats, as many as the pacer lets out, every 10 ms for three seconds
		List<Long> sent = new ArrayList<>();
		long chat = 0;
		for (int step = 0; step < 300; step++) {
			while (pacer.tryAcquire(post(++chat)).isZero()) {
				sent.add(step * 10L);
			}
			clock.advance(Duration.ofMillis(10));
		}

		assertThat(mostIn(sent, 1000)).isLessThanOrEqualTo(30);
		assertThat(sent).hasSizeGreaterThanOrEqualTo(75);
	}

	@Test
	void keepsToTwentyInEveryMinuteInAGroup() {
		long group = -1002003004005L;
		List<Long> sent = new ArrayList<>();
		for (int second = 0; second < 180; second++) {
			// one post, then quiet until the end of the minute, then posts as fast as they may go
			for (int i = second == 0 || second >= 59 ? taken(group, 5) : 0; i > 0; i--) {
				sent.add(second * 1000L);
			}
			clock.advance(Duration.ofSeconds(1));
		}

		assertThat(mostIn(sent, 60_000)).isLessThanOrEqualTo(20);
		assertThat(sent).hasSizeGreaterThanOrEqualTo(35);
	}

	@Test
	void aLimitOfOneAMinuteLetsOneAMinuteThrough() {
		Pacer strict = new Pacer(new TelegramSettings.OutboxSettings(30, 1, 3, 1, 4, Duration.ofMinutes(5),
				Duration.ofDays(1)), () -> clock.instant().getEpochSecond() * 1_000_000_000L + clock.instant().getNano());
		long group = -1002003004005L;
		List<Long> sent = new ArrayList<>();
		for (int second = 0; second < 180; second++) {
			if (strict.tryAcquire(post(group)).isZero()) {
				sent.add(second * 1000L);
			}
			clock.advance(Duration.ofSeconds(1));
		}

		assertThat(mostIn(sent, 60_000)).isEqualTo(1);
		assertThat(sent).hasSize(3);
	}

	/** The most of the times (in ms, in order) that fall within any span of the given length. */
	private static int mostIn(List<Long> times, long span) {
		int most = 0;
		for (int first = 0; first < times.size(); first++) {
			int last = first;
			while (last < times.size() && times.get(last) < times.get(first) + span) {
				last++;
			}
			most = Math.max(most, last - first);
		}
		return most;
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
		assertThat(taken).isBetween(15, 20);
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
