package frontdesk.staff;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The events the staff module has acted on. Acting on an event and recording it as handled are two transactions, so
 * an event comes again when Frontdesk stopped between them (killed, or the machine lost power); acted on again, it
 * would post the same customer line, note or alert twice. Asked first in a listener's transaction, so that the record
 * is kept, or lost, with what the listener did. An event is known by what it holds, not by who listens: the staff
 * module has one listener for each kind of event.
 */
@Component
class HandledEvents {

	/** How long an event is remembered: one comes again at the next start, so this is a downtime it outlasts. */
	static final Duration KEEP = Duration.ofDays(30);

	private final HandledEventRepository handled;

	private final Clock clock;

	HandledEvents(HandledEventRepository handled, Clock clock) {
		this.handled = handled;
		this.clock = clock;
	}

	/**
	 * Records the event as acted on.
	 * @param event a record, known by what it holds (the same event delivered again holds the same)
	 * @return whether it was not acted on before
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean first(Record event) {
		String digest = digest(event.toString());
		if (handled.existsById(digest)) {
			return false;
		}
		handled.save(new HandledEvent(digest, clock.instant()));
		return true;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	@Transactional
	public void forgetOld() {
		handled.deleteHandledBefore(clock.instant().minus(KEEP));
	}

	private static String digest(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
