package frontdesk.staff;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import frontdesk.conversation.ConversationService;
import frontdesk.conversation.CustomerProfile;
import frontdesk.conversation.Reply;
import frontdesk.hours.BusinessHours;
import frontdesk.rating.RatingCommented;
import frontdesk.rating.RatingGiven;
import frontdesk.rating.RatingView;
import frontdesk.rating.Ratings;
import frontdesk.ticket.StaffMember;
import frontdesk.ticket.TicketView;
import frontdesk.ticket.Tickets;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Bad ratings (1 or 2) go back to the staff: an alert in the customer's topic, replying to the ticket's card if there
 * was one, with the comment when it comes and a <b>Follow up</b> button that gives the customer a person again.
 */
@Component
class RatingAlerts {

	/** Button data prefix: follow up the rating of the conversation whose id follows. */
	static final String FOLLOW_UP = "follow:";

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

	private final StaffGroup group;

	private final StaffTopics topics;

	private final ConversationService conversations;

	private final Ratings ratings;

	private final Tickets tickets;

	private final BusinessHours hours;

	private final HandledEvents handled;

	RatingAlerts(StaffGroup group, StaffTopics topics, ConversationService conversations, Ratings ratings,
			Tickets tickets, BusinessHours hours, HandledEvents handled) {
		this.group = group;
		this.topics = topics;
		this.conversations = conversations;
		this.ratings = ratings;
		this.tickets = tickets;
		this.hours = hours;
		this.handled = handled;
	}

	@ApplicationModuleListener
	void on(RatingGiven given) {
		RatingView rating = given.rating();
		if (!group.configured() || !rating.bad() || conversations.isForgotten(rating.customerId())
				|| !handled.first(given)) {
			return;
		}
		CustomerProfile customer = conversations.customer(rating.customerId()).orElseThrow();
		group.post(topics.topicOf(rating.customerId(), customer), alert(rating, customer),
				List.of(new Reply.Button("Follow up", FOLLOW_UP + rating.conversationId())),
				alertKey(rating.conversationId()), rating.ticketId() == null ? null : StaffDesk.cardKey(rating.ticketId()));
	}

	@ApplicationModuleListener
	void on(RatingCommented commented) {
		RatingView rating = commented.rating();
		if (!group.configured() || !rating.bad() || conversations.isForgotten(rating.customerId())
				|| !handled.first(commented)) {
			return;
		}
		CustomerProfile customer = conversations.customer(rating.customerId()).orElseThrow();
		// the alert opens the customer's topic; if it could not yet (Telegram failed, it is tried again), this does
		group.reply(topics.topicOf(rating.customerId(), customer), alertKey(rating.conversationId()),
				name(customer) + " commented: " + rating.comment());
	}

	/**
	 * <b>Follow up</b> pressed: the customer gets a request for a person again, held by whoever pressed it (their
	 * waiting request, if they have one).
	 * @return a short note for them, and the waiting request they took, if any
	 */
	FollowUp followUp(long conversationId, StaffMember staff) {
		RatingView rating = ratings.find(conversationId).filter(RatingView::bad).orElse(null);
		if (rating == null) {
			return new FollowUp(StaffAction.note("That button is not known."), null);
		}
		if (conversations.isForgotten(rating.customerId())) {
			return new FollowUp(StaffAction.note("This customer was forgotten at their request."), null);
		}
		TicketView ticket = conversations.followUp(conversationId);
		TicketView taken = tickets.tryTake(ticket.id(), staff).orElse(ticket);
		if (!staff.id().equals(taken.takenById())) {
			return new FollowUp(StaffAction.note(taken.takenBy() + " already has this one."), null);
		}
		conversations.heldByPerson(taken.conversationId());
		CustomerProfile customer = conversations.customer(rating.customerId()).orElseThrow();
		group.edit(alertKey(conversationId), alert(rating, customer) + "\nFollowed up by " + staff.name() + " as "
				+ taken.number(), List.of());
		return new FollowUp(StaffAction.note("It's yours: what you write in this topic goes to " + name(customer) + "."),
				ticket.followUp() || ticket.takenBy() != null ? null : taken);
	}

	/**
	 * What came of a Follow up press.
	 *
	 * @param action the note for the staff member
	 * @param takenFromQueue the customer's own request, waiting for a person, that the staff member took with it (its
	 * card is to say so), or {@code null}
	 */
	record FollowUp(StaffAction action, TicketView takenFromQueue) {
	}

	private String alert(RatingView rating, CustomerProfile customer) {
		ZoneId zone = hours.zone();
		return "Rated " + rating.score() + "/5 by " + name(customer) + ": the conversation of "
				+ WHEN.format(rating.askedAt().atZone(zone)) + ", handled by "
				+ rating.handler() + ".";
	}

	private static String name(CustomerProfile customer) {
		return customer.firstName() == null ? "the customer" : customer.firstName();
	}

	static String alertKey(long conversationId) {
		return "rating:" + conversationId;
	}
}
