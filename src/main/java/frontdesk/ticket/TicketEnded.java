package frontdesk.ticket;

import java.time.Instant;

/**
 * A ticket left the queue for good: closed, or withdrawn by the customer.
 *
 * @param ticket the ticket as it was
 * @param closed {@code true} when closed, {@code false} when the customer withdrew it
 * @param closedBy the staff member who closed it, or {@code null} when the customer ended it
 * @param at when
 */
public record TicketEnded(TicketView ticket, boolean closed, String closedBy, Instant at) {
}
