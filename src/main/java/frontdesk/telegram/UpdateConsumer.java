package frontdesk.telegram;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Receives the updates of one long-polling request (or one update posted to the webhook) and returns only once each is
 * handled and committed (or recorded as failed): the next request (or the answer to the post) confirms them to
 * Telegram, so none is confirmed before it is stored. While the database is unreachable it waits and tries again
 * rather than skip anything. The work runs on a thread of its own, so stopping the polling never interrupts a
 * transaction half-way; updates left over at a stop stay unconfirmed and Telegram delivers them again after the
 * restart. It never throws: an exception would end the polling.
 */
class UpdateConsumer implements LongPollingUpdateConsumer {

	private static final Logger log = LoggerFactory.getLogger(UpdateConsumer.class);

	private static final Duration MAX_WAIT = Duration.ofSeconds(30);

	private final UpdateHandler handler;

	private final ExecutorService worker = Executors
		.newSingleThreadExecutor(TelegramConfiguration.daemonThreads("telegram-updates"));

	/** Opened by {@link #stop()}: the worker takes no new update and stops waiting for the database at once. */
	private final CountDownLatch stopping = new CountDownLatch(1);

	UpdateConsumer(UpdateHandler handler) {
		this.handler = handler;
	}

	@Override
	public void consume(List<Update> updates) {
		try {
			Future<?> work = worker.submit(() -> updates.forEach(this::consume));
			work.get();
		}
		catch (InterruptedException ex) {
			// the polling is being stopped; the worker finishes the update in hand and leaves the rest
			Thread.currentThread().interrupt();
		}
		catch (RejectedExecutionException ex) {
			log.info("Stopped: {} updates received at the last moment are left for Telegram to deliver again",
					updates.size());
		}
		catch (ExecutionException | RuntimeException ex) {
			log.error("Could not handle a batch of updates", ex);
		}
	}

	/**
	 * Handles one update posted to the webhook and returns once it is stored (or recorded as failed), waiting a while
	 * if the database is unreachable.
	 * @return {@code false} when stopped or still waiting for the database after {@code patience}, so Telegram posts
	 * the update again (if it is stored meanwhile, the second post finds it handled)
	 */
	boolean deliver(Update update, Duration patience) {
		try {
			return worker.submit(() -> consume(update)).get(patience.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			// a stopped worker refuses new work
			return false;
		}
	}

	/** Lets the update in hand finish, leaves the rest to Telegram's next delivery, and waits for the worker. */
	void stop() {
		stopping.countDown();
		worker.shutdown();
		try {
			if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
				log.warn("An update was still being handled at shutdown");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Handles the update, or keeps it whole when it cannot be handled; while the database cannot take either, tries
	 * again, waiting longer each time.
	 * @return {@code false} when stopped before that
	 */
	private boolean consume(Update update) {
		Duration wait = Duration.ofMillis(100);
		Throwable unhandled = null;
		while (unhandled == null) {
			if (stopping.getCount() == 0) {
				return false;
			}
			try {
				handler.handle(update);
				return true;
			}
			catch (RuntimeException | Error ex) {
				if (transientFailure(ex)) {
					log.error("Could not store update {}; trying again in {} ms", update.getUpdateId(), wait.toMillis(),
							ex);
					wait = pause(wait);
				}
				else {
					unhandled = ex;
				}
			}
		}
		log.error("Update {} could not be handled; it is kept for inspection and the bot goes on", update.getUpdateId(),
				unhandled);
		while (!keep(update, unhandled, wait)) {
			wait = pause(wait);
			if (stopping.getCount() == 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Records an update that could not be handled.
	 * @return {@code false} when the database could not take it now, so it is tried again; an update that cannot be
	 * kept for a reason of its own is written whole to the log instead
	 */
	private boolean keep(Update update, Throwable failure, Duration retry) {
		String payload = null;
		try {
			payload = TelegramConfiguration.JSON.writeValueAsString(update);
			handler.fail(update.getUpdateId(), payload, String.valueOf(failure));
			return true;
		}
		catch (RuntimeException ex) {
			if (transientFailure(ex)) {
				log.error("Could not keep failed update {}; trying again in {} ms", update.getUpdateId(),
						retry.toMillis(), ex);
				return false;
			}
			log.error("Could not keep failed update {}; here it is whole: {}", update.getUpdateId(), payload, ex);
			return true;
		}
		catch (JsonProcessingException ex) {
			log.error("Could not keep failed update {}; here it is as far as it can be written: {}",
					update.getUpdateId(), update, ex);
			return true;
		}
	}

	/** Waits the given time, or less when stopping, and returns how long to wait the next time. */
	private Duration pause(Duration wait) {
		try {
			stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			stopping.countDown();
		}
		Duration longer = wait.multipliedBy(2);
		return longer.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : longer;
	}

	/**
	 * Whether the database could not be reached, was busy or could not write (see {@link DatabaseTrouble}): worth
	 * trying again, unlike a failure of the update's own.
	 */
	private static boolean transientFailure(Throwable ex) {
		return ex instanceof TransientDataAccessException || ex instanceof RecoverableDataAccessException
				|| ex instanceof DataAccessResourceFailureException || ex instanceof TransactionException
				|| DatabaseTrouble.in(ex);
	}
}
