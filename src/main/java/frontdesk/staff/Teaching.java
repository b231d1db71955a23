package frontdesk.staff;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import frontdesk.conversation.ConversationService;
import frontdesk.conversation.Reply;
import frontdesk.conversation.UnansweredQuestion;
import frontdesk.intent.Intent;
import frontdesk.intent.IntentCatalog;
import frontdesk.text.Cut;
import frontdesk.ticket.StaffMember;

import org.springframework.stereotype.Component;

/**
 * The bot learns from the staff: when a staff member sends a saved answer after a question the bot could not answer,
 * a button under "Sent: …" adds that question to the intent's examples, so the bot answers it itself next time.
 */
@Component
class Teaching {

	static final String TEACH = "teach:";

	/** The most a button's data may hold, in bytes (Telegram's limit). */
	private static final int DATA_LIMIT = 64;

	private static final Logger log = LoggerFactory.getLogger(Teaching.class);

	private final ConversationService conversations;

	private final IntentCatalog catalog;

	Teaching(ConversationService conversations, IntentCatalog catalog) {
		this.conversations = conversations;
		this.catalog = catalog;
	}

	/**
	 * The button that teaches the bot to answer the conversation's latest question it could not answer with the
	 * intent; none when there is no such question, or the bot has learnt it already.
	 */
	List<Reply.Button> offer(Long conversationId, String intentId) {
		Optional<UnansweredQuestion> question = conversations.lastUnanswered(conversationId)
			.filter(asked -> catalog.current().withExample(asked.text()).isEmpty());
		if (question.isEmpty()) {
			return List.of();
		}
		String data = TEACH + question.get().messageId() + ":" + intentId;
		if (data.getBytes(StandardCharsets.UTF_8).length > DATA_LIMIT) {
			log.info("No Teach the bot button under a saved answer of intent '{}': its id is too long for a button",
					intentId);
			return List.of();
		}
		String label = "Teach the bot: “" + Cut.shorten(question.get().text(), 40) + "” → " + intentId;
		return List.of(new Reply.Button(label, data));
	}

	/** A press of the button: the question becomes an example of the intent, or the staff member is told why not. */
	StaffAction teach(String data, StaffMember staff) {
		String[] parts = data.substring(TEACH.length()).split(":", 2);
		Optional<UnansweredQuestion> question;
		try {
			question = parts.length == 2 ? conversations.unanswered(Long.parseLong(parts[0])) : Optional.empty();
		}
		catch (NumberFormatException ex) {
			question = Optional.empty();
		}
		boolean answering = parts.length == 2 && catalog.current()
			.find(parts[1])
			.filter(intent -> intent.action() == Intent.Action.ANSWER)
			.isPresent();
		if (question.isEmpty() || !answering) {
			return StaffAction.note("That button is not known.");
		}
		String said = "“" + Cut.shorten(question.get().text(), 80) + "”";
		try {
			catalog.addExample(parts[1], question.get().text());
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			return StaffAction.note("Not learnt: " + ex.getMessage());
		}
		log.info("{} taught the bot a question of a customer's for intent '{}'", staff.name(), parts[1]);
		return StaffAction.note("Learnt: " + said + " is an example of " + parts[1]
				+ " now. The bot answers it itself in a few seconds.");
	}
}
