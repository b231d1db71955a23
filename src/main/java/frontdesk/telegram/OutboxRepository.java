package frontdesk.telegram;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface OutboxRepository extends Repository<OutboxMessage, Long> {

	OutboxMessage save(OutboxMessage message);

	Optional<OutboxMessage> findById(Long id);

	/**
	 * What may go out next: the oldest pending message of each chat (the one after it waits, so each chat gets its
	 * messages in order) and every pending callback answer, oldest first.
	 */
	@Query("""
			select m from OutboxMessage m where m.status = frontdesk.telegram.OutboxMessage.Status.PENDING and (
			  m.kind = frontdesk.telegram.OutboxMessage.Kind.ANSWER_CALLBACK or m.id in (
			    select min(o.id) from OutboxMessage o
			    where o.status = frontdesk.telegram.OutboxMessage.Status.PENDING
			      and o.kind <> frontdesk.telegram.OutboxMessage.Kind.ANSWER_CALLBACK
			    group by o.chatId))
			order by m.id""")
	List<OutboxMessage> findNextToSend(Limit limit);

	/** Gives up on every pending message to a chat, e.g. one whose user blocked the bot. */
	@Modifying
	@Query("""
			update OutboxMessage m set m.status = frontdesk.telegram.OutboxMessage.Status.FAILED, m.lastError = :reason
			where m.chatId = :chatId and m.status = frontdesk.telegram.OutboxMessage.Status.PENDING""")
	int giveUpOnChat(long chatId, String reason);

	@Modifying
	@Query("delete from OutboxMessage m where m.status = frontdesk.telegram.OutboxMessage.Status.SENT and m.sentAt < :before")
	int deleteSentBefore(Instant before);

	long countByStatus(OutboxMessage.Status status);
}
