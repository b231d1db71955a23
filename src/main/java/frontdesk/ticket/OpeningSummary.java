package frontdesk.ticket;

import java.time.Instant;
import java.util.List;

/**
 * The business just opened: the tickets that came in while it was closed and have no staff answer yet (waiting for a
 * person, or taken and not answered), oldest first.
 *
 * @param openedAt when the business opened
 * @param waiting the waiting tickets
 */
public record OpeningSummary(Instant openedAt, List<TicketView> waiting) {

	public OpeningSummary {
		waiting = List.copyOf(waiting);
	}
}
