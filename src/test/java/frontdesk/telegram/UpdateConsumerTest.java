package frontdesk.telegram;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.telegram.telegrambots.meta.api.objects.Update;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a post to the webhook is told while the database cannot take its update: Telegram posts again unless the
 * update is stored.
 */
@ExtendWith(OutputCaptureExtension.class)
class UpdateConsumerTest {

	private final AtomicBoolean databaseUp = new AtomicBoolean();

	/** What keeping a failed update fails with; nothing while it works. */
	private final AtomicReference<RuntimeException> keepingFails = new AtomicReference<>();

	private final AtomicInteger handled = new AtomicInteger();

	/** Whether the database's file can only be read, as on a read-only mount. */
	private final AtomicBoolean readOnly = new AtomicBoolean();

	private final AtomicInteger kept = new AtomicInteger();

	private final UpdateHandler handler = new UpdateHandler(null, null, null, null, null, null, null, null) {

		@Override
		public boolean handle(Update update) {
			if (!databaseUp.get()) {
				throw new DataAccessResourceFailureException("the database is unreachable");
			}
			if (readOnly.get()) {
				throw readOnlyFailure();
			}
			if (update.getUpdateId() < 0) {
				throw new IllegalStateException("an update the bot cannot handle");
			}
			handled.incrementAndGet();
			return true;
		}

		@Override
		public void fail(long updateId, String payload, String error) {
			if (readOnly.get()) {
				throw readOnlyFailure();
			}
			if (keepingFails.get() != null) {
				throw keepingFails.get();
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
		Update update = update(1);

		assertThat(consumer.deliver(update, Duration.ofMillis(300))).isFalse();

		databaseUp.set(true);
		assertThat(consumer.deliver(update, Duration.ofSeconds(10))).isTrue();
		assertThat(handled).as("the first post's update, once the database is back, and the second's")
			.hasValueGreaterThanOrEqualTo(1);
	}

	@Test
	void anUpdateThatCanNeitherBeHandledNorKeptIsKeptOnceTheDatabaseTakesIt() {
		databaseUp.set(true);
		keepingFails.set(new DataAccessResourceFailureException("the database went away meanwhile"));

		assertThat(consumer.deliver(update(-1), Duration.ofMillis(300))).as("not confirmed").isFalse();

		keepingFails.set(null);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(kept).hasValue(1));
		assertThat(handled).hasValue(0);
	}

	@Test
	void anUpdateTheStoreRefusesToKeepIsLoggedWholeAndTheNextOneHandled(CapturedOutput output) {
		databaseUp.set(true);
		keepingFails.set(new DataIntegrityViolationException("value too long for column payload"));

		assertThat(consumer.deliver(update(-2), Duration.ofSeconds(10))).isTrue();
		assertThat(consumer.deliver(update(3), Duration.ofSeconds(10))).isTrue();

		assertThat(handled).hasValue(1);
		assertThat(output.getAll()).contains("Could not keep failed update -2; here it is whole: {\"update_id\":-2");
	}

	@Test
	void anUpdateADatabaseThatCannotWriteRefusesIsTriedAgainNotSetAside() {
		databaseUp.set(true);
		readOnly.set(true);

		assertThat(consumer.deliver(update(5), Duration.ofMillis(500))).as("not confirmed").isFalse();
		assertThat(kept).as("not kept as an update that failed").hasValue(0);

		readOnly.set(false);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(handled).hasValue(1));
		assertThat(kept).hasValue(0);
	}

	/** What H2 answers a write to a file on a read-only mount with, as Spring passes it on. */
	private static RuntimeException readOnlyFailure() {
		return new UncategorizedSQLException("insert", "insert into processed_update",
				new SQLException("The database is read only", "90097", 90097));
	}

	@Test
	void stoppingEndsAWaitForTheDatabaseAtOnce() {
		Update update = update(4);
		assertThat(consumer.deliver(update, Duration.ofMillis(3200))).isFalse();

		long started = System.nanoTime();
		consumer.stop();

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		assertThat(handled).hasValue(0);
	}

	private static Update update(int id) {
		Update update = new Update();
		update.setUpdateId(id);
		return update;
	}
}
