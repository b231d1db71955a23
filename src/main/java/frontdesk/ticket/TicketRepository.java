package frontdesk.ticket;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface TicketRepository extends Repository<Ticket, Long> {

	Ticket save(Ticket ticket);

	Optional<Ticket> findById(Long id);

	Optional<Ticket> findFirstByConversationIdAndStatusIn(Long conversationId, Collection<Ticket.Status> statuses);

	long countByStatusAndIdLessThan(Ticket.Status status, Long id);

	/** Open tickets with no staff reply whose promise falls before the given time. */
	List<Ticket> findByStatusInAndFirstResponseAtIsNullAndPromisedByBeforeOrderById(Collection<Ticket.Status> statuses,
			Instant before);

	List<Ticket> findByStatusAndAfterHoursTrueOrderById(Ticket.Status status);
}
