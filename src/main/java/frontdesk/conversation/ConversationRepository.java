package frontdesk.conversation;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface ConversationRepository extends Repository<Conversation, Long> {

	Optional<Conversation> findFirstByCustomerIdAndStateNotOrderByIdDesc(Long customerId, Conversation.State state);

	default Optional<Conversation> findOpen(Long customerId) {
		return findFirstByCustomerIdAndStateNotOrderByIdDesc(customerId, Conversation.State.CLOSED);
	}

	Conversation save(Conversation conversation);

	Optional<Conversation> findById(Long id);
}
