package frontdesk.ticket;

/**
 * A customer asked for a person and a ticket was opened.
 *
 * @param ticket the new ticket
 */
public record TicketOpened(TicketView ticket) {
}
