package frontdesk.telegram;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface OutboxRepository extends Repository<OutboxMessage, Long> {

	OutboxMessage save(OutboxMessage message);

	Optional<OutboxMessage> findById(Long id);

	/** The oldest pending message of each chat (the only one that may go out next), and every pending callback answer. */
	@Query("""
			select m from OutboxMessage m where m.status = frontdesk.telegram.OutboxMessage.Status.PENDING and (
			  m.kind = frontdesk.telegram.OutboxMessage.Kind.ANSWER_CALLBACK or m.id in (
			    select min(o.id) from OutboxMessage o
			    where o.status = frontdesk.telegram.OutboxMessage.Status.PENDING
			      and o.kind <> frontdesk.telegram.OutboxMessage.Kind.ANSWER_CALLBACK
			    group by o.chatId))
			order by m.id""")
	List<OutboxMessage> findNextToSend();

	/** Gives up on every pending message to a chat, e.g. one whose user blocked the bot. */
	@Modifying
	@Query("""
			update OutboxMessage m set m.status = frontdesk.telegram.OutboxMessage.Status.FAILED, m.lastError = :reason
			where m.chatId = :chatId and m.status = frontdesk.telegram.OutboxMessage.Status.PENDING""")
	int giveUpOnChat(long chatId, String reason);

	List<OutboxMessage> findByChatIdOrderById(long chatId);

	long countByStatus(OutboxMessage.Status status);
}
