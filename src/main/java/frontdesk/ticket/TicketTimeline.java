package frontdesk.ticket;

import java.time.Instant;

/**
 * A ticket with the moments of its life, for people to follow what happened to a request.
 *
 * @param ticket the ticket
 * @param status {@code WAITING}, {@code TAKEN}, {@code CLOSED} or {@code WITHDRAWN}
 * @param takenAt when a staff member took it, or {@code null}
 * @param firstResponseAt when a staff member first answered the customer, or {@code null}
 * @param promiseKept whether the promise was kept, or {@code null} while that is not settled
 * @param remindedAt when the staff were reminded of the promise, or {@code null}
 * @param missedAt when the promise passed with no answer, or {@code null}
 * @param closedAt when it was closed or withdrawn, or {@code null} while open
 * @param ending how it ended, or {@code null} while open (and for tickets that ended before this was kept)
 * @param closedBy the name of the staff member who closed it, or {@code null} when none did (and for tickets closed
 * before this was kept)
 */
public record TicketTimeline(TicketView ticket, String status, Instant takenAt, Instant firstResponseAt,
		Boolean promiseKept, Instant remindedAt, Instant missedAt, Instant closedAt, TicketEnded.Ending ending,
		String closedBy) {

	/** Whether the ticket is still in the queue (waiting, or taken and not closed). */
	public boolean open() {
		return closedAt == null;
	}
}
