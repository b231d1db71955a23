package frontdesk.conversation;

import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.repository.Repository;

interface MessageRepository extends Repository<Message, Long> {

	Message save(Message message);

	List<Message> findByOrderByIdDesc(Limit limit);

	List<Message> findByConversationIdOrderByIdDesc(Long conversationId, Limit limit);
}
