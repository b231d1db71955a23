package frontdesk.ticket;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

interface TicketRepository extends Repository<Ticket, Long> {

	Ticket save(Ticket ticket);

	Optional<Ticket> findById(Long id);

	Optional<Ticket> findFirstByConversationIdAndStatusIn(Long conversationId, Collection<Ticket.Status> statuses);

	Optional<Ticket> findFirstByCustomerIdAndStatusIn(Long customerId, Collection<Ticket.Status> statuses);

	long countByStatusAndIdLessThan(Ticket.Status status, Long id);

	/** The ticket's place among those waiting for a person, first come first served; 0 when it is not waiting. */
	default int positionOf(Ticket ticket) {
		return ticket.status() == Ticket.Status.WAITING
				? (int) countByStatusAndIdLessThan(Ticket.Status.WAITING, ticket.id()) + 1 : 0;
	}

	/**
	 * Customers' open requests (not the staff's follow-ups, which promised the customer nothing) with no staff reply,
	 * not yet reported missed, whose promise falls before the given time.
	 */
	List<Ticket> findByStatusInAndFollowUpFalseAndFirstResponseAtIsNullAndMissedAtIsNullAndPromisedByBeforeOrderById(
			Collection<Ticket.Status> statuses, Instant before);

	/**
	 * Tickets opened after hours since the given time, still open and with no staff answer (waiting for a person, or
	 * taken and not answered yet), oldest first.
	 */
	List<Ticket> findByStatusInAndFirstResponseAtIsNullAndAfterHoursTrueAndRequestedAtAfterOrderById(
			Collection<Ticket.Status> statuses, Instant since);

	/** Tickets in the given states, oldest first. */
	List<Ticket> findByStatusInOrderById(Collection<Ticket.Status> statuses);

	Optional<Ticket> findFirstByStatusOrderById(Ticket.Status status);

	/** The tickets of a conversation, oldest first. */
	List<Ticket> findByConversationIdOrderById(Long conversationId);

	List<Ticket> findByCustomerId(Long customerId);

	/** The tickets that ended last (closed or withdrawn), the latest first. */
	List<Ticket> findByClosedAtNotNullOrderByClosedAtDescIdDesc(Limit limit);

	/** The requests made in a period. */
	List<Ticket> findByRequestedAtGreaterThanEqualAndRequestedAtLessThan(Instant from, Instant to);
}
