package frontdesk.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ConversationRepository extends Repository<Conversation, Long> {

	Optional<Conversation> findFirstByCustomerIdAndStateNotOrderByIdDesc(Long customerId, Conversation.State state);

	default Optional<Conversation> findOpen(Long customerId) {
		return findFirstByCustomerIdAndStateNotOrderByIdDesc(customerId, Conversation.State.CLOSED);
	}

	Conversation save(Conversation conversation);

	Optional<Conversation> findById(Long id);

	List<Conversation> findByCustomerIdAndIdLessThanOrderByIdDesc(Long customerId, Long id, Limit limit);

	long countByCustomerId(Long customerId);

	@Query("select c.id from Conversation c where c.customerId = :customerId")
	List<Long> findIdsByCustomerId(Long customerId);

	/**
	 * Open conversations that went quiet, as {@link Conversation#idle} decides: with the bot, no customer message since
	 * one time; held by a person, no message from either side since the other.
	 */
	@Query("""
			select c.id from Conversation c
			where (c.state = frontdesk.conversation.Conversation.State.WITH_BOT and c.lastCustomerMessageAt <= :botSince)
			   or (c.state = frontdesk.conversation.Conversation.State.WITH_PERSON and c.lastCustomerMessageAt <= :personSince
			       and c.lastStaffMessageAt <= :personSince)
			order by c.id""")
	List<Long> findQuiet(Instant botSince, Instant personSince, Limit limit);

	/** Conversations customers opened in a period (not those the staff opened to follow up a bad rating). */
	@Query("""
			select count(c) from Conversation c where c.openedAt >= :from and c.openedAt < :to and c.followUp = false""")
	long countOpened(Instant from, Instant to);

	/** Of those, the ones in which the bot answered something and no one asked for a person. */
	@Query("""
			select count(c) from Conversation c where c.openedAt >= :from and c.openedAt < :to and c.followUp = false
			and c.answeredCount > 0
			and not exists (select 1 from Message m where m.conversationId = c.id and m.ticketId is not null)""")
	long countWithBotOnly(Instant from, Instant to);
}
