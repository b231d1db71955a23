package frontdesk.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import frontdesk.ticket.StaffMember;

import org.springframework.stereotype.Component;

/**
 * Closing a request no one has answered takes a second Close from the same staff member within a minute, so that a
 * slip of the finger on the card (Close sits next to Take) does not send a customer off unanswered. Kept in memory: a
 * restart asks again.
 */
@Component
class UnansweredCloses {

	static final Duration WITHIN = Duration.ofMinutes(1);

	private final Map<Long, FirstClose> first = new ConcurrentHashMap<>();

	private final Clock clock;

	UnansweredCloses(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Whether this Close confirms one the same staff member made within the minute; if not, it is remembered as the
	 * first.
	 */
	boolean confirmed(long ticketId, String staffId) {
		Instant now = clock.instant();
		first.values().removeIf(close -> close.at().plus(WITHIN).isBefore(now));
		FirstClose before = first.remove(ticketId);
		if (before != null && before.staffId().equals(staffId)) {
			return true;
		}
		first.put(ticketId, new FirstClose(staffId, now));
		return false;
	}

	private record FirstClose(String staffId, Instant at) {
	}
}
