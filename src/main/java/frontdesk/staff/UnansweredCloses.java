package frontdesk.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import frontdesk.ticket.StaffMember;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Closing a request no one has answered takes a second Close from the same staff member within a minute, so that a
 * slip of the finger on the card (Close sits next to Take) does not send a customer off unanswered. A second Close
 * sooner than two seconds after the first is the same tap twice, not a confirmation. The first Close counts once its
 * transaction has committed, so a try that failed and is handled again is not taken for the second. Kept in memory:
 * a restart asks again.
 */
@Component
class UnansweredCloses {

	static final Duration WITHIN = Duration.ofMinutes(1);

	static final Duration NOT_BEFORE = Duration.ofSeconds(2);

	/** When each staff member first closed each request: ticket id and staff id. */
	private final Map<String, Instant> first = new ConcurrentHashMap<>();

	private final Clock clock;

	UnansweredCloses(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Whether this Close confirms one the same staff member made between two seconds and a minute ago; if not, and no
	 * first Close of theirs is under way, this one is remembered as the first.
	 */
	boolean confirmed(long ticketId, StaffMember staff) {
		Instant now = clock.instant();
		first.values().removeIf(at -> at.plus(WITHIN).isBefore(now));
		String key = ticketId + " " + staff.id();
		Instant before = first.get(key);
		if (before != null && !now.isBefore(before.plus(NOT_BEFORE))) {
			first.remove(key);
			return true;
		}
		if (before == null) {
			remember(key, now);
		}
		return false;
	}

	private void remember(String key, Instant at) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			first.put(key, at);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				first.put(key, at);
			}
		});
	}
}
