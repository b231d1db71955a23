package frontdesk;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands events between modules to their listeners again when handling failed (for example while Telegram could not
 * be reached), so none waits for the next restart.
 */
@Component
class EventRetries {

	private final IncompleteEventPublications incomplete;

	private final Duration every;

	EventRetries(IncompleteEventPublications incomplete, @Value("${frontdesk.events.retry-every:1m}") Duration every) {
		this.incomplete = incomplete;
		this.every = every;
	}

	@Scheduled(fixedDelayString = "${frontdesk.events.retry-every:1m}",
			initialDelayString = "${frontdesk.events.retry-every:1m}")
	void retry() {
		incomplete.resubmitIncompletePublicationsOlderThan(every);
	}
}
