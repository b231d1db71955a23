package frontdesk.console;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import frontdesk.conversation.ConversationService;
import frontdesk.conversation.CustomerDelivery;
import frontdesk.staff.StaffAction;
import frontdesk.staff.StaffDesk;
import frontdesk.ticket.StaffMember;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Take, reply and close from the console, exactly as in the staff group: through the staff desk, so the ticket's card
 * follows. What the customer is to get is published for the adapter of their channel, in the same transaction.
 */
@Service
class ConsoleDesk {

	/** How the customer's staff topic names the console. */
	static final String WHERE = "console";

	/** Longest reply sent from the console. */
	static final int MAX_REPLY = 4000;

	private static final Logger log = LoggerFactory.getLogger(ConsoleDesk.class);

	private final StaffDesk desk;

	private final ConversationService conversations;

	private final ApplicationEventPublisher events;

	ConsoleDesk(StaffDesk desk, ConversationService conversations, ApplicationEventPublisher events) {
		this.desk = desk;
		this.conversations = conversations;
		this.events = events;
	}

	/** @return a short note for the staff member: theirs now, someone else's, or no longer open */
	@Transactional
	String take(long ticketId, StaffMember staff) {
		return act(desk.take(ticketId, staff));
	}

	/** @return a short note for the staff member */
	@Transactional
	String close(long ticketId, StaffMember staff) {
		return act(desk.close(ticketId, staff));
	}

	/**
	 * Sends a reply to the customer; the first one takes an untaken ticket.
	 * @return why it did not go out (the customer blocked the bot, or the request is no longer open); empty if it did
	 */
	@Transactional
	Optional<String> reply(long ticketId, StaffMember staff, String text) {
		Optional<CustomerDelivery> delivery = desk.staffAnswered(ticketId, staff, text, WHERE);
		if (delivery.isPresent()) {
			events.publishEvent(delivery.get());
			return Optional.empty();
		}
		return Optional.of(desk.customerBlockedTheBot(ticketId)
				? "Not sent: this customer blocked the bot. Nothing reaches them until they start the bot again."
				: "Not sent: this request is no longer open.");
	}

	/**
	 * Erases a customer's data at their request, their topic in the staff group included.
	 * @return what was done, for the staff member
	 * @throws IllegalStateException while the customer has a conversation open
	 */
	@Transactional
	String forget(long customerId, StaffMember staff) {
		ConversationService.Forgotten forgotten = conversations.forget(customerId);
		Optional<String> leftTopic = desk.forgetTopicOf(customerId);
		log.info("{} had customer {} forgotten: {} messages erased", staff.name(), customerId, forgotten.messages());
		String left = leftTopic.map(title -> " Their topic in the staff group could not be deleted: delete “" + title
				+ "” there by hand.").orElse("");
		return "Forgotten: " + Format.count(forgotten.messages(), "message") + " of "
				+ Format.count(forgotten.conversations(), "conversation")
				+ " erased, with the customer's name and channel identity." + left;
	}

	private String act(StaffAction action) {
		if (action.delivery() != null) {
			events.publishEvent(action.delivery());
		}
		return action.notice();
	}
}
