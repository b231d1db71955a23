package frontdesk.ticket;

import java.time.Instant;

/**
 * A promise passed with no staff reply.
 *
 * @param ticket the ticket
 * @param at when it was noticed
 */
public record PromiseMissed(TicketView ticket, Instant at) {
}
