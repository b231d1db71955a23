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
 * A step that is hard to take back takes a second tap from the same staff member within a minute: closing a request
 * no one has answered (Close sits next to Take on the card, and a slip of the finger would send a customer off
 * unanswered), and taking over a request a colleague has. A second tap sooner than two seconds after the first is the
 * same tap twice, not a confirmation. The first tap counts once its transaction has committed, so a try that failed
 * and is handled again is not taken for the second. Kept in memory: a restart asks again.
 */
@Component
class SecondTaps {

	static final Duration WITHIN = Duration.ofMinutes(1);

	static final Duration NOT_BEFORE = Duration.ofSeconds(2);

	/** When each staff member first tapped for each step on each request: the step, the ticket id and the staff id. */
	private final Map<String, Instant> first = new ConcurrentHashMap<>();

	private final Clock clock;

	SecondTaps(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Whether this tap confirms one the same staff member made for the same step between two seconds and a minute ago;
	 * if not, and no first tap of theirs is under way, this one is remembered as the first.
	 * @param step what the tap is for, such as {@code close}
	 */
	boolean confirmed(String step, long ticketId, StaffMember staff) {
		Instant now = clock.instant();
		first.values().removeIf(at -> at.plus(WITHIN).isBefore(now));
		String key = step + " " + ticketId + " " + staff.id();
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
