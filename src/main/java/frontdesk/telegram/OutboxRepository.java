package frontdesk.telegram;

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
	 * The oldest pending requests, oldest first. The sender looks at a window of them: it holds at most the oldest
	 * pending message of each chat at a time, so chats' messages go out in order.
	 */
	List<OutboxMessage> findByStatusOrderById(OutboxMessage.Status status, Limit limit);

	/** Gives up on every pending message to a chat, e.g. one whose user blocked the bot. */
	@Modifying
	@Query("""
			update OutboxMessage m set m.status = frontdesk.telegram.OutboxMessage.Status.FAILED, m.lastError = :reason
			where m.chatId = :chatId and m.status = frontdesk.telegram.OutboxMessage.Status.PENDING""")
	int giveUpOnChat(long chatId, String reason);

	List<OutboxMessage> findByChatIdOrderById(long chatId);

	long countByStatus(OutboxMessage.Status status);
}
