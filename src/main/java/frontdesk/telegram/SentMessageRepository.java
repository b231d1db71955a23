package frontdesk.telegram;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface SentMessageRepository extends Repository<SentMessage, String> {

	SentMessage save(SentMessage sent);

	Optional<SentMessage> findById(String key);

	/** The keys of one message: several, when lines queued together went out as one message. */
	List<SentMessage> findByChatIdAndMessageId(long chatId, long messageId);

	@Modifying
	@Query("delete from SentMessage s where s.sentAt < :before")
	int deleteSentBefore(Instant before);

	/** Forgets which messages of a chat were which, and which copies in the staff group came from it. */
	@Modifying
	@Query("delete from SentMessage s where s.chatId = :chatId or s.key like :copiesFrom")
	int deleteByChatId(long chatId, String copiesFrom);
}
