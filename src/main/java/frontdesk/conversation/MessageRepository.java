package frontdesk.conversation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface MessageRepository extends Repository<Message, Long> {

	Message save(Message message);

	@Modifying
	@Query("""
			delete from Message m
			where m.conversationId in (select c.id from Conversation c where c.customerId = :customerId)""")
	int deleteByCustomerId(Long customerId);

	Optional<Message> findById(Long id);

	List<Message> findByOrderByIdDesc(Limit limit);

	List<Message> findByConversationIdOrderByIdDesc(Long conversationId, Limit limit);

	List<Message> findByConversationIdOrderById(Long conversationId);

	/** What the customer first wrote in a conversation other than a command or a button. */
	@Query("""
			select m.text from Message m
			where m.conversationId = :conversationId and m.author = frontdesk.conversation.Message.Author.CUSTOMER
			  and (m.outcome is null or m.outcome <> frontdesk.conversation.Message.Outcome.COMMAND)
			order by m.id""")
	List<String> findCustomerWords(Long conversationId, Limit limit);

	/**
	 * The questions the bot could not answer in a period (not understood, or only well enough to ask "Did you mean"),
	 * as {@code [text lower-cased, best guess, times]}, the best guess being the intent the matcher thought likeliest.
	 * What a customer adds to a request for a person is for the staff, not the bot, and is left out.
	 */
	@Query("""
			select lower(m.text), m.intentId, count(m) from Message m
			where m.author = frontdesk.conversation.Message.Author.CUSTOMER
			  and m.outcome in (frontdesk.conversation.Message.Outcome.UNKNOWN,
			                    frontdesk.conversation.Message.Outcome.AMBIGUOUS)
			  and m.ticketId is null and m.createdAt >= :from and m.createdAt < :to
			group by lower(m.text), m.intentId""")
	List<Object[]> findUnanswered(Instant from, Instant to);

	/** Whether someone (the customer, the bot, the staff) wrote in the conversation after the given time. */
	boolean existsByConversationIdAndAuthorAndCreatedAtGreaterThan(Long conversationId, Message.Author author,
			Instant after);

	/** The latest request for a person in the conversation, withdrawn or not, or null when there was none. */
	@Query("select max(m.ticketId) from Message m where m.conversationId = :conversationId")
	Long findLastTicketId(Long conversationId);

	/** Whether the customer asked the bot anything in the conversation (beyond commands and buttons). */
	boolean existsByConversationIdAndOutcomeIn(Long conversationId, Collection<Message.Outcome> outcomes);
}
