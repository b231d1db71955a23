package frontdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands events between modules to their listeners again when handling failed (for example while Telegram could not
 * be reached), so none waits for the next restart. Only failed ones: an event still waiting its turn is not handed
 * out twice. Once one of them is due, they all go again, in the order they happened: a customer's request and the
 * lines they wrote after it, failed alike while Telegram could not be reached, reach the staff group in their order.
 */
@Component
class EventRetries {

	private static final Duration MAX_WAIT = Duration.ofMinutes(10);

	private final IncompleteEventPublications incomplete;

	private final Duration every;

	private final Clock clock;

	EventRetries(IncompleteEventPublications incomplete, @Value("${frontdesk.events.retry-every:1m}") Duration every,
			Clock clock) {
		this.incomplete = incomplete;
		this.every = every;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${frontdesk.events.retry-every:1m}",
			initialDelayString = "${frontdesk.events.retry-every:1m}")
	void retry() {
		Instant now = clock.instant();
		AtomicBoolean anyDue = new AtomicBoolean();
		// only looks: nothing is handed out on this pass
		incomplete.resubmitIncompletePublications(publication -> {
			if (failed(publication) && due(publication, now)) {
				anyDue.set(true);
			}
			return false;
		});
		if (anyDue.get()) {
			incomplete.resubmitIncompletePublications(EventRetries::failed);
		}
	}

	private static boolean failed(EventPublication publication) {
		return publication.getStatus() == EventPublication.Status.FAILED;
	}

	/**
	 * Failing again and again, an event is tried less and less often: after 1, 2, 4, ... intervals, at most ten
	 * minutes.
	 */
	private boolean due(EventPublication publication, Instant now) {
		Instant last = publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
				: publication.getPublicationDate();
		Duration wait = every.multipliedBy(1L << Math.min(Math.max(publication.getCompletionAttempts() - 1, 0), 10));
		return !last.plus(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait).isAfter(now);
	}
}
