package frontdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands events between modules to their listeners again when handling failed (for example while Telegram could not
 * be reached), so none waits for the next restart. Only failed ones: an event still waiting its turn is not handed
 * out twice.
 */
@Component
class EventRetries {

	private static final Duration MAX_WAIT = Duration.ofHours(1);

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
		incomplete.resubmitIncompletePublications(publication -> publication.getStatus() == EventPublication.Status.FAILED
				&& due(publication, now));
	}

	/** Failing again and again, an event is tried less and less often: after 1, 2, 4, ... intervals, at most an hour. */
	private boolean due(EventPublication publication, Instant now) {
		Instant last = publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
				: publication.getPublicationDate();
		Duration wait = every.multipliedBy(1L << Math.min(Math.max(publication.getCompletionAttempts() - 1, 0), 10));
		return !last.plus(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait).isAfter(now);
	}
}
