package frontdesk.telegram;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a post to the webhook is told while the database cannot take its update: Telegram posts again unless the
 * update is stored.
 */
class UpdateConsumerTest {

	private final AtomicBoolean databaseUp = new AtomicBoolean();

	private final AtomicBoolean keepingWorks = new AtomicBoolean(true);

	private final AtomicInteger handled = new AtomicInteger();

	private final AtomicInteger kept = new AtomicInteger();

	private final UpdateHandler handler = new UpdateHandler(null, null, null, null, null, null, null) {

		@Override
		public boolean handle(Update update) {
			if (!databaseUp.get()) {
				throw new DataAccessResourceFailureException("the database is unreachable");
			}
			if (update.getUpdateId() < 0) {
				throw new IllegalStateException("an update the bot cannot handle");
			}
			handled.incrementAndGet();
			return true;
		}

		@Override
		public void fail(long updateId, String payload, String error) {
			if (!keepingWorks.get()) {
				throw new IllegalStateException("the failed update could not be stored either");
			}
			kept.incrementAndGet();
		}
	};

	private final UpdateConsumer consumer = new UpdateConsumer(handler);

	@AfterEach
	void stop() {
		databaseUp.set(true);
		consumer.stop();
	}

	@Test
	void aPostWaitingLongerThanItsPatienceForTheDatabaseIsToldToComeAgain() {
		Update update = new Update();
		update.setUpdateId(1);

		assertThat(consumer.deliver(update, Duration.ofMillis(300))).isFalse();

		databaseUp.set(true);
		assertThat(consumer.deliver(update, Duration.ofSeconds(10))).isTrue();
		assertThat(handled).as("the first post's update, once the database is back, and the second's")
			.hasValueGreaterThanOrEqualTo(1);
	}

	@Test
	void anUpdateThatCanNeitherBeHandledNorKeptIsKeptOnceTheDatabaseTakesIt() {
		Update broken = new Update();
		broken.setUpdateId(-1);
		databaseUp.set(true);
		keepingWorks.set(false);

		assertThat(consumer.deliver(broken, Duration.ofMillis(300))).as("not confirmed").isFalse();

		keepingWorks.set(true);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(kept).hasValue(1));
		assertThat(handled).hasValue(0);
	}
}
