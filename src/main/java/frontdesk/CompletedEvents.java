package frontdesk;

import java.time.Duration;

import frontdesk.conversation.CustomerForgotten;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets events between modules a week after they were handled. Each customer line while a request is open, each
 * card, reminder and alert is one, stored whole; kept for ever they would grow the database without end. Events not
 * yet handled are kept until they are.
 */
@Component
public class CompletedEvents {

	static final Duration KEEP = Duration.ofDays(7);

	private final CompletedEventPublications completed;

	CompletedEvents(CompletedEventPublications completed) {
		this.completed = completed;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	public void forgetOld() {
		completed.deletePublicationsOlderThan(KEEP);
	}

	/**
	 * A customer was forgotten: the handled events, which may hold what they wrote, go now rather than within the
	 * week. Only handled ones: those still to be handled are work not yet done.
	 */
	@EventListener
	void on(CustomerForgotten forgotten) {
		completed.deletePublicationsOlderThan(Duration.ZERO);
	}
}
