package frontdesk.ticket;

import java.time.Instant;

/**
 * A ticket as other modules see it.
 *
 * @param id the ticket's id
 * @param number the number customers and staff see, e.g. {@code #T-000042}
 * @param conversationId the conversation it belongs to
 * @param customerId the customer
 * @param afterHours whether it was opened while the business was closed
 * @param requestedAt when the customer asked for a person
 * @param promisedBy when a person answers at the latest
 * @param position the place in the queue of tickets waiting for a person (1 = next), 0 when not waiting
 * @param takenBy the name of the staff member who has it, or {@code null}
 * @param takenById their id, or {@code null}
 * @param followUp whether the staff opened it to follow up a bad rating, rather than the customer asking
 */
public record TicketView(long id, String number, Long conversationId, Long customerId, boolean afterHours,
		Instant requestedAt, Instant promisedBy, int position, String takenBy, String takenById, boolean followUp) {
}
