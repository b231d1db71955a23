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

	@Modifying
	@Query("delete from SentMessage s where s.chatId = :chatId")
	int deleteByChatId(long chatId);
}
