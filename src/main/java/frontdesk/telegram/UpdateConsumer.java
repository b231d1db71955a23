package frontdesk.telegram;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.api.objects.Update;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Receives the updates of one long-polling request. It returns only once each update is handled and committed (or
 * recorded as failed): the next request confirms the updates to Telegram, so an update never goes unconfirmed-and-lost.
 * When the database is unreachable it waits and tries again instead of skipping anything. It never throws: an
 * exception would stop the polling.
 */
class UpdateConsumer implements LongPollingUpdateConsumer {

	private static final Logger log = LoggerFactory.getLogger(UpdateConsumer.class);

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Duration MAX_WAIT = Duration.ofSeconds(30);

	private final UpdateHandler handler;

	private volatile boolean running = true;

	UpdateConsumer(UpdateHandler handler) {
		this.handler = handler;
	}

	@Override
	public void consume(List<Update> updates) {
		for (Update update : updates) {
			if (!running) {
				return;
			}
			consume(update);
		}
	}

	void stop() {
		running = false;
	}

	private void consume(Update update) {
		Duration wait = Duration.ofMillis(100);
		while (running && !Thread.currentThread().isInterrupted()) {
			try {
				handler.handle(update);
				return;
			}
			catch (DataAccessException | TransactionException ex) {
				log.error("Could not store update {}; trying again in {} ms", update.getUpdateId(), wait.toMillis(), ex);
				sleep(wait);
				wait = wait.multipliedBy(2).compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait.multipliedBy(2);
			}
			catch (RuntimeException | Error ex) {
				log.error("Update {} could not be handled; it is kept for inspection and the bot goes on",
						update.getUpdateId(), ex);
				keep(update, ex);
				return;
			}
		}
	}

	private void keep(Update update, Throwable failure) {
		try {
			handler.fail(update.getUpdateId(), JSON.writeValueAsString(update), String.valueOf(failure));
		}
		catch (JsonProcessingException | RuntimeException ex) {
			log.error("Could not keep failed update {}", update.getUpdateId(), ex);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
