package frontdesk.telegram;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface OutboxRepository extends Repository<OutboxMessage, Long> {

	OutboxMessage save(OutboxMessage message);

	Optional<OutboxMessage> findById(Long id);

	/** The oldest pending message of each chat: the only one of the chat that may go out next. */
	@Query("""
			select min(m.id) from OutboxMessage m
			where m.status = frontdesk.telegram.OutboxMessage.Status.PENDING and m.kind not in :unordered
			group by m.chatId order by min(m.id)""")
	List<Long> findChatHeads(Collection<OutboxMessage.Kind> unordered, Limit limit);

	List<OutboxMessage> findByIdIn(List<Long> ids);

	/** Callback answers and edits belong to no chat's order: each may go out on its own. */
	List<OutboxMessage> findByStatusAndKindInOrderById(OutboxMessage.Status status, Collection<OutboxMessage.Kind> kinds,
			Limit limit);

	boolean existsByChatIdAndMessageKeyAndKindAndIdGreaterThan(long chatId, String key, OutboxMessage.Kind kind, Long id);

	/**
	 * What may go out next: the oldest pending message of each chat (the one after it waits, so each chat gets its
	 * messages in order) and every pending callback answer, oldest first.
	 */
	default List<OutboxMessage> findNextToSend(int limit) {
		List<OutboxMessage> next = new ArrayList<>(findByStatusAndKindInOrderById(OutboxMessage.Status.PENDING,
				OutboxMessage.UNORDERED, Limit.of(limit)));
		next.addAll(findByIdIn(findChatHeads(OutboxMessage.UNORDERED, Limit.of(limit))));
		next.sort(Comparator.comparing(OutboxMessage::id));
		return next;
	}

	/** Gives up on every pending message to a chat, e.g. one whose user blocked the bot. */
	@Modifying
	@Query("""
			update OutboxMessage m set m.status = frontdesk.telegram.OutboxMessage.Status.FAILED, m.lastError = :reason
			where m.chatId = :chatId and m.status = frontdesk.telegram.OutboxMessage.Status.PENDING""")
	int giveUpOnChat(long chatId, String reason);

	/** The messages still to go into one topic of a group, in their order. */
	List<OutboxMessage> findByChatIdAndMessageThreadIdAndStatusOrderById(long chatId, Integer threadId,
			OutboxMessage.Status status);

	@Modifying
	@Query("delete from OutboxMessage m where m.status = frontdesk.telegram.OutboxMessage.Status.SENT and m.sentAt < :before")
	int deleteSentBefore(Instant before);

	long countByStatus(OutboxMessage.Status status);

	/** Forgets every request for a chat, or copying from it, waiting or sent, with what it said. */
	@Modifying
	@Query("delete from OutboxMessage m where m.chatId = :chatId or m.fromChatId = :chatId")
	int deleteByChatIdOrFromChatId(long chatId);

	/** Forgets every request for some topics of a group, waiting or sent, with what it said. */
	@Modifying
	@Query("delete from OutboxMessage m where m.chatId = :chatId and m.messageThreadId in :threadIds")
	int deleteByChatIdAndThreadIdIn(long chatId, Collection<Integer> threadIds);

	/** Forgets every request made under some keys (a post and the edits of it), waiting or sent. */
	@Modifying
	@Query("delete from OutboxMessage m where m.messageKey in :keys")
	int deleteByMessageKeyIn(Collection<String> keys);

	List<OutboxMessage> findByChatIdAndStatusAndIdGreaterThanOrderById(long chatId, OutboxMessage.Status status, Long id,
			Limit limit);

	/** Whether a message with the key is queued or was sent lately. */
	boolean existsByMessageKey(String key);

	/** Whether a message of the chat with the key is still to go out (rather than sent, or given up). */
	boolean existsByChatIdAndMessageKeyAndKindNotAndStatus(long chatId, String key, OutboxMessage.Kind kind,
			OutboxMessage.Status status);
}
