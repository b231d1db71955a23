package frontdesk.ticket;

import java.time.Instant;

/**
 * A promise is due soon and no staff member has answered yet.
 *
 * @param ticket the ticket
 * @param at when the reminder was due
 */
public record PromiseReminderDue(TicketView ticket, Instant at) {
}
