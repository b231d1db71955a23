package frontdesk.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Forgets what is no longer needed: ids of updates handled long ago (Telegram delivers again within a day) and
 * requests sent long ago. Failed updates and requests are kept for inspection.
 */
@Component
class Housekeeping {

	static final Duration KEEP_UPDATES = Duration.ofDays(7);

	static final Duration KEEP_SENT = Duration.ofDays(30);

	/** Which message a key names (a card, one side of a pair) is kept longer: a customer may come back later. */
	static final Duration KEEP_KEYS = Duration.ofDays(365);

	private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

	private final ProcessedUpdateRepository updates;

	private final OutboxRepository outbox;

	private final SentMessageRepository keys;

	private final Clock clock;

	Housekeeping(ProcessedUpdateRepository updates, OutboxRepository outbox, SentMessageRepository keys, Clock clock) {
		this.updates = updates;
		this.outbox = outbox;
		this.keys = keys;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@Transactional
	public void forgetOld() {
		Instant now = clock.instant();
		int forgottenUpdates = updates.deleteHandledBefore(now.minus(KEEP_UPDATES));
		int forgottenRequests = outbox.deleteSentBefore(now.minus(KEEP_SENT));
		keys.deleteSentBefore(now.minus(KEEP_KEYS));
		if (forgottenUpdates + forgottenRequests > 0) {
			log.info("Forgot {} handled updates and {} sent requests", forgottenUpdates, forgottenRequests);
		}
	}
}
