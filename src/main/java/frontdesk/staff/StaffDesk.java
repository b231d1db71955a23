package frontdesk.staff;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import frontdesk.conversation.BotBlockChanged;
import frontdesk.conversation.ConversationService;
import frontdesk.conversation.CustomerDelivery;
import frontdesk.conversation.CustomerProfile;
import frontdesk.conversation.CustomerWrote;
import frontdesk.conversation.DeliveryFailed;
import frontdesk.conversation.Inbound;
import frontdesk.conversation.Reply;
import frontdesk.conversation.SavedAnswer;
import frontdesk.conversation.TranscriptLine;
import frontdesk.hours.BusinessHours;
import frontdesk.stats.Statistics;
import frontdesk.ticket.OpeningSummary;
import frontdesk.ticket.PromiseMissed;
import frontdesk.ticket.PromiseReminderDue;
import frontdesk.ticket.StaffMember;
import frontdesk.ticket.TicketEnded;
import frontdesk.ticket.TicketOpened;
import frontdesk.ticket.TicketTimeline;
import frontdesk.ticket.TicketView;
import frontdesk.ticket.Tickets;
import frontdesk.text.Cut;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff side of a request for a person: a topic per customer in the staff group, a card per ticket with a
 * <b>Take</b> button, and what staff do with it.
 */
@Service
public class StaffDesk {

	/** Button data prefix: take the ticket whose id follows. */
	static final String TAKE = "take:";

	/** Button data prefix: close the ticket whose id follows. */
	static final String CLOSE = "close:";

	private static final String WAITING = "Waiting for a person";

	/** When what staff write in a customer's topic reaches the customer again, once their request is closed. */
	public static final String REACHES_THEM_AGAIN = "What is written here reaches them once they ask for a person "
			+ "again, or after Follow up under a bad rating of theirs.";

	private static final String BLOCKED = "Not sent: this customer blocked the bot. Nothing written here reaches them "
			+ "until they start the bot again.";

	private static final StaffAction NO_LONGER_OPEN = StaffAction.note("This request is no longer open.");

	private static final StaffAction NO_OPEN_REQUEST = StaffAction.note("This customer has no open request.");

	/** Messages of the conversation shown on a card. */
	static final int CARD_MESSAGES = 10;

	/** Characters of a message that could not be delivered shown in the staff's notice. */
	static final int EXCERPT = 80;

	/** The longest a line of the conversation on a card may be. */
	static final int CARD_LINE = 200;

	/** Requests listed by {@code /queue}; Telegram takes some 4,000 characters in one message. */
	static final int QUEUE_LINES = 30;

	private static final Logger log = LoggerFactory.getLogger(StaffDesk.class);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);

	private final StaffGroup group;

	private final StaffTopics topics;

	private final ConversationService conversations;

	private final Tickets tickets;

	private final BusinessHours hours;

	private final StaffSettings settings;

	private final RatingAlerts ratingAlerts;

	private final Statistics statistics;

	private final SecondTaps secondTaps;

	private final HandledEvents handled;

	private final Teaching teaching;

	private final Clock clock;

	StaffDesk(StaffGroup group, StaffTopics topics, ConversationService conversations, Tickets tickets,
			BusinessHours hours, StaffSettings settings, RatingAlerts ratingAlerts, Statistics statistics,
			SecondTaps secondTaps, HandledEvents handled, Teaching teaching, Clock clock) {
		this.group = group;
		this.topics = topics;
		this.conversations = conversations;
		this.tickets = tickets;
		this.hours = hours;
		this.settings = settings;
		this.ratingAlerts = ratingAlerts;
		this.statistics = statistics;
		this.secondTaps = secondTaps;
		this.handled = handled;
		this.teaching = teaching;
		this.clock = clock;
	}

	/** Whether a staff message in a topic is a note for colleagues, not for the customer. */
	public static boolean isNote(String text) {
		String trimmed = text.strip();
		return trimmed.startsWith("//") || trimmed.regionMatches(true, 0, "#note", 0, 5);
	}

	/**
	 * A staff member wrote in a customer's topic: the first message takes an untaken ticket, and the text goes to the
	 * customer.
	 * @param wroteAt when they wrote it, as the channel says (it may have kept the message while Frontdesk was down)
	 * @return what to deliver to the customer; empty when the topic has no open request (the staff are told)
	 */
	@Transactional
	public Optional<CustomerDelivery> staffWrote(long topicId, StaffMember staff, String text, Instant wroteAt) {
		return answeredBy(topicId, staff, wroteAt, text);
	}

	/**
	 * A staff member sent a photo, document or voice message in a customer's topic: like a text, it takes an untaken
	 * ticket and goes to the customer (the channel copies it).
	 * @return who gets it, with the caption to give it (empty to keep none); empty when the topic has no open request
	 */
	@Transactional
	public Optional<CustomerDelivery> staffSentMedia(long topicId, StaffMember staff, String media, String text,
			Instant wroteAt) {
		String caption = Inbound.storable(text);
		boolean captioned = !caption.isBlank();
		String transcript = captioned ? "[" + media + "] " + caption : "[" + media + "]";
		String shown = settings.showNames() ? (captioned ? staff.name() + ": " + caption : staff.name())
				: (captioned ? caption : "");
		return answeredBy(topicId, staff, wroteAt, transcript)
			.map(delivery -> new CustomerDelivery(delivery.customer(), Reply.of(shown), true));
	}

	/**
	 * A staff member changed a message they wrote in a customer's topic.
	 * @return the new text for the customer; empty when the request is over
	 */
	@Transactional
	public Optional<CustomerDelivery> staffEdited(long topicId, StaffMember staff, String text) {
		return openTicketInTopic(topicId)
			.flatMap(ticket -> conversations.staffEdited(ticket.conversationId(), staff.name(), signed(staff, text)));
	}

	/**
	 * A staff member answered a request from outside the staff group (the staff console, say): as when writing in the
	 * customer's topic, the first answer takes an untaken ticket and the text goes to the customer; the customer's
	 * topic, if they have one, shows the answer too, as "Grace (console): text".
	 * @param where where the staff member wrote, as the topic names it, e.g. {@code console}
	 * @return what to deliver to the customer; empty when the request is no longer open or the customer blocked the bot
	 */
	@Transactional
	public Optional<CustomerDelivery> staffAnswered(long ticketId, StaffMember staff, String text, String where) {
		Optional<TicketView> ticket = tickets.find(ticketId)
			.filter(found -> !conversations.isBlocked(found.customerId()));
		Optional<CustomerDelivery> delivery = ticket
			.flatMap(found -> answered(found, tickets.staffReplied(found.id(), staff), staff, text));
		if (delivery.isPresent() && group.configured()) {
			topics.existing(ticket.get().customerId())
				.ifPresent(topic -> group.post(topic, staff.name() + " (" + where + "): " + text, List.of(), null));
		}
		return delivery;
	}


	/** Whether the customer of a ticket blocked the bot, so nothing the staff write reaches them. */
	public boolean customerBlockedTheBot(long ticketId) {
		return tickets.find(ticketId).map(ticket -> conversations.isBlocked(ticket.customerId())).orElse(false);
	}

	/**
	 * A customer's topic was deleted by hand in the staff group (a post to it failed as it is gone): the customer gets a
	 * new topic, which starts with a note saying so, and posts still on their way to the deleted one belong there.
	 * Further failed posts for the same deleted topic get the same new topic.
	 * @return the topic that replaces the deleted one; empty if it was no customer's topic in the current group
	 * @throws IllegalStateException when the group cannot be reached; the caller tries again later
	 */
	@Transactional
	public Optional<Long> topicDeleted(long topicId) {
		if (!group.configured()) {
			return Optional.empty();
		}
		Optional<Long> replaced = topics.replacementOf(topicId);
		if (replaced.isPresent()) {
			return replaced;
		}
		Optional<Long> opened = topics.replaceDeleted(topicId);
		opened.ifPresent(topic -> {
			group.post(topic, "This customer's earlier topic was deleted; this one takes its place.", List.of(), null);
			log.info("Topic {} of the staff group was deleted; topic {} replaces it", topicId, topic);
			// the open request's card went with the deleted topic: a new one here, which edits and reminders follow (a
			// card still on its way goes here with the rest)
			openTicketInTopic(topic).filter(ticket -> group.posted(cardKey(ticket.id())))
				.ifPresent(ticket -> postCard(topic, ticket, conversations.customer(ticket.customerId()).orElseThrow()));
		});
		return opened;
	}

	/**
	 * A staff member wrote in a topic: the topic's open ticket answered (see {@link #answered}); the staff are told if
	 * the topic's customer has none, or blocked the bot (then the ticket stays as it was). A topic of no customer's is
	 * left alone.
	 */
	private Optional<CustomerDelivery> answeredBy(long topicId, StaffMember staff, Instant wroteAt, String text) {
		Optional<Long> customer = topics.customerIn(topicId);
		if (customer.isEmpty()) {
			// a topic the staff opened for themselves: what they write there is for each other
			return Optional.empty();
		}
		Optional<TicketView> open = customer.flatMap(tickets::openForCustomer);
		if (open.isEmpty()) {
			group.post(topicId, "Not sent: this customer has no open request. " + REACHES_THEM_AGAIN, List.of(), null);
			return Optional.empty();
		}
		if (conversations.isBlocked(open.get().customerId())) {
			group.post(topicId, BLOCKED, List.of(), null);
			return Optional.empty();
		}
		return answered(open.get(), tickets.staffReplied(open.get().id(), staff, wroteAt), staff, text);
	}

	/**
	 * A staff member answered: what they said is stored, the ticket is theirs if no one had it, and its card says so,
	 * with the answer among its last messages.
	 * @param before the ticket before they answered
	 * @param ticket the ticket after; empty when it is no longer open
	 * @return what to deliver to the customer; empty when the request is no longer open
	 */
	private Optional<CustomerDelivery> answered(TicketView before, Optional<TicketView> ticket, StaffMember staff,
			String text) {
		Optional<CustomerDelivery> delivery = ticket.flatMap(now -> said(now.conversationId(), staff, text));
		ticket.filter(now -> before.takenBy() == null && now.takenBy() != null)
			.ifPresent(now -> updateCard(now, "Taken by " + now.takenBy()));
		return delivery;
	}

	/** What a staff member said, stored with who said it, signed for the customer as the settings want. */
	private Optional<CustomerDelivery> said(Long conversationId, StaffMember staff, String text) {
		return conversations.staffSaid(conversationId, staff.name(), signed(staff, text));
	}

	private String signed(StaffMember staff, String text) {
		String said = Inbound.storable(text);
		return settings.showNames() ? staff.name() + ": " + said : said;
	}

	/** {@code /take} in a customer's topic: like the button on the card. */
	@Transactional
	public StaffAction takeInTopic(long topicId, StaffMember staff) {
		return openTicketInTopic(topicId).map(ticket -> take(ticket.id(), staff)).orElse(NO_OPEN_REQUEST);
	}

	/** {@code /close} in a customer's topic: like the button on the card. */
	@Transactional
	public StaffAction closeInTopic(long topicId, StaffMember staff) {
		return openTicketInTopic(topicId).map(ticket -> close(ticket.id(), staff)).orElse(NO_OPEN_REQUEST);
	}

	/**
	 * {@code /answer NAME} in a customer's topic: the saved answer of that name goes to the customer as the staff
	 * member's own message (taking an untaken ticket like any), and the staff member is shown what it said. Without a
	 * name, or with one no saved answer has, the staff member gets the list instead.
	 */
	@Transactional
	public StaffAction answerInTopic(long topicId, StaffMember staff, String wanted, Instant wroteAt) {
		Optional<TicketView> open = openTicketInTopic(topicId);
		if (open.isEmpty()) {
			return NO_OPEN_REQUEST;
		}
		if (conversations.isBlocked(open.get().customerId())) {
			return StaffAction.note(BLOCKED);
		}
		List<SavedAnswer> answers = conversations.savedAnswers(open.get().customerId());
		Optional<SavedAnswer> answer = SavedAnswers.find(answers, wanted);
		if (answer.isEmpty()) {
			return StaffAction.note(SavedAnswers.list(answers, wanted,
					conversations.lastUnanswered(open.get().conversationId()).orElse(null)));
		}
		// looked for before the answer is stored: the question is one asked since the staff last wrote
		List<Reply.Button> teach = teaching.offer(open.get().conversationId(), answer.get().id());
		return answered(open.get(), tickets.staffReplied(open.get().id(), staff, wroteAt), staff, answer.get().text())
			.map(delivery -> new StaffAction("Sent: " + answer.get().text(), delivery, teach))
			.orElse(NO_OPEN_REQUEST);
	}

	/**
	 * A customer is being forgotten: their topic, with the copies of what they wrote, is deleted in the group, and the
	 * bot's posts about them (in their topics, their cards and alerts and the edits of them) are forgotten.
	 * @return the title of a topic of theirs the staff must delete by hand (Telegram would not, or it is in a group
	 * the bot no longer looks after); empty when none is left
	 */
	@Transactional
	public Optional<String> forgetTopicOf(Long customerId) {
		List<String> keys = new ArrayList<>();
		tickets.idsOf(customerId).forEach(ticket -> keys.add(cardKey(ticket)));
		conversations.conversationIdsOf(customerId)
			.forEach(conversation -> keys.add(RatingAlerts.alertKey(conversation)));
		return topics.forget(customerId, keys);
	}

	/**
	 * {@code /queue}: the open requests, oldest first, each with its customer, its promise (overdue or not) and who
	 * has it; at most {@value #QUEUE_LINES}, the rest counted.
	 */
	public String queue() {
		List<TicketTimeline> open = tickets.queue();
		if (open.isEmpty()) {
			return "No open requests.";
		}
		Instant now = clock.instant();
		StringBuilder text = new StringBuilder("Open requests: ").append(open.size()).append(", oldest first:");
		for (TicketTimeline each : open.subList(0, Math.min(open.size(), QUEUE_LINES))) {
			TicketView ticket = each.ticket();
			boolean overdue = !ticket.followUp() && each.firstResponseAt() == null && ticket.promisedBy().isBefore(now);
			text.append('\n')
				.append(ticket.number())
				.append(' ')
				.append(customerName(ticket))
				.append(ticket.followUp() ? ", follow-up" : (overdue ? ", overdue since " : ", promised by ")
						+ hours.describe(ticket.promisedBy(), now))
				.append(ticket.takenBy() == null ? ", waiting" : ", " + ticket.takenBy() + " has it");
		}
		if (open.size() > QUEUE_LINES) {
			text.append("\n…and ").append(open.size() - QUEUE_LINES).append(" more (the console lists them all).");
		}
		return text.toString();
	}

	/** {@code /stats} or {@code /stats 30}: the figures of the last days. */
	public String stats(String command) {
		int days = StatsReport.days(command);
		if (days < 1 || days > Statistics.MAX_DAYS) {
			return StatsReport.USAGE;
		}
		return StatsReport.text(statistics.lastDays(days));
	}

	/** Whether button data belongs to the staff group's buttons. */
	public static boolean isStaffButton(String data) {
		return data != null && (data.startsWith(TAKE) || data.startsWith(CLOSE) || data.startsWith(RatingAlerts.FOLLOW_UP)
				|| data.startsWith(Teaching.TEACH));
	}

	/** A new ticket: the customer's topic (opened if need be) gets the ticket's card. */
	@ApplicationModuleListener
	void on(TicketOpened opened) {
		if (!toActOn(opened, opened.ticket().customerId())) {
			return;
		}
		// as it is now: a follow-up is taken at once
		TicketView ticket = tickets.find(opened.ticket().id()).orElse(opened.ticket());
		CustomerProfile customer = conversations.customer(ticket.customerId()).orElseThrow();
		postCard(topics.topicOf(ticket.customerId(), customer), ticket, customer);
		log.info("Posted the card of ticket {} to the staff group", ticket.number());
	}

	/** Whether an event is for the staff group to see, and not seen there yet (it may come again after a restart). */
	private boolean toActOn(Record event) {
		return group.configured() && handled.first(event);
	}

	/**
	 * Whether an event about a customer is for the staff group to see: as {@link #toActOn(Record)}, unless the customer
	 * was forgotten meanwhile (an event still waiting then, say for Telegram to be back, would bring their words back).
	 */
	private boolean toActOn(Record event, Long customerId) {
		return group.configured() && !conversations.isForgotten(customerId) && handled.first(event);
	}

	private void postCard(long topic, TicketView ticket, CustomerProfile customer) {
		group.post(topic, card(ticket, customer, statusOf(ticket)), buttons(ticket), cardKey(ticket.id()));
	}

	/** An open request's state, as its card says it. */
	private static String statusOf(TicketView ticket) {
		return ticket.takenBy() == null ? WAITING : "Taken by " + ticket.takenBy();
	}

	/** A customer wrote while their request is open: the staff see it in the customer's topic. */
	@ApplicationModuleListener
	void on(CustomerWrote wrote) {
		if (!toActOn(wrote, wrote.customerId())) {
			return;
		}
		CustomerProfile customer = conversations.customer(wrote.customerId()).orElseThrow();
		boolean moved = topics.inAnotherGroup(wrote.customerId());
		boolean renamed = topics.renamed(wrote.customerId(), customer);
		long topic = topics.topicOf(wrote.customerId(), customer);
		if (moved) {
			// the staff moved to another group since the request came: its card comes first here too, with its buttons
			tickets.openForCustomer(wrote.customerId()).ifPresent(ticket -> postCard(topic, ticket, customer));
		}
		else if (renamed) {
			// the card names the customer as the topic does
			tickets.openForCustomer(wrote.customerId()).ifPresent(ticket -> updateCard(ticket, statusOf(ticket)));
		}
		String name = customer.name();
		if (wrote.edited()) {
			group.relay(topic, customer, null, name + " edited: " + wrote.text(), wrote.channelMessageId());
		}
		else if (wrote.media() == null || !group.copy(topic, customer, wrote.channelMessageId(), wrote.replyTo())) {
			group.relay(topic, customer, wrote.channelMessageId(), name + ": " + wrote.text(), wrote.replyTo());
		}
		if (wrote.answered() != null) {
			// what the bot told them meanwhile, so that no one tells them again
			group.relay(topic, customer, null, "Bot: " + excerpt(wrote.answered(), CARD_LINE), null);
		}
	}

	/** The customer blocked the bot, or started it again after blocking it: the staff see it in the customer's topic. */
	@ApplicationModuleListener
	void on(BotBlockChanged change) {
		if (!toActOn(change, change.customerId())) {
			return;
		}
		topics.existing(change.customerId()).ifPresent(topic -> {
			String name = conversations.customer(change.customerId())
				.map(CustomerProfile::firstName)
				.orElse("The customer");
			group.post(topic, change.blocked()
					? name + " blocked the bot: nothing written here reaches them until they start the bot again."
					: name + " started the bot again: what is written here reaches them again.", List.of(), null);
		});
	}

	/**
	 * A message for the customer (a staff member's reply, the bot's answer) could not be delivered: the staff see it in
	 * the customer's topic (opened if need be), with the start of what it said and why, so that it is not lost unseen.
	 */
	@ApplicationModuleListener
	void on(DeliveryFailed failed) {
		if (!toActOn(failed, failed.customerId())) {
			return;
		}
		CustomerProfile customer = conversations.customer(failed.customerId()).orElseThrow();
		String what = failed.attachment() ? "An attachment" : "This message";
		String said = failed.text() == null || failed.text().isBlank() ? "" : ": “" + excerpt(failed.text()) + "”";
		group.post(topics.topicOf(failed.customerId(), customer),
				"⚠️ " + what + " could not be delivered to the customer" + said + " (" + failed.reason() + ")", List.of(),
				null);
	}

	/** The start of a text, on one line, cut short with "…" after a word where there is one. */
	static String excerpt(String text) {
		return excerpt(text, EXCERPT);
	}

	private static String excerpt(String text, int length) {
		return Cut.shorten(text.strip().replaceAll("\\s+", " "), length);
	}

	/** Whether the topic is a customer's, in the current group (rather than one the staff opened for themselves). */
	public boolean isCustomerTopic(long topicId) {
		return topics.customerIn(topicId).isPresent();
	}

	/** The open ticket of the customer whose topic this is, in the current group. */
	private Optional<TicketView> openTicketInTopic(long topicId) {
		return topics.customerIn(topicId).flatMap(tickets::openForCustomer);
	}

	/**
	 * A staff member pressed a button on a card.
	 * @return a short note for them
	 */
	@Transactional
	public StaffAction pressed(String data, StaffMember staff) {
		if (data.startsWith(Teaching.TEACH)) {
			return teaching.teach(data, staff);
		}
		long id;
		try {
			id = Long.parseLong(data.substring(data.indexOf(':') + 1));
		}
		catch (NumberFormatException ex) {
			return StaffAction.note("That button is not known.");
		}
		if (data.startsWith(CLOSE)) {
			return close(id, staff);
		}
		if (data.startsWith(RatingAlerts.FOLLOW_UP)) {
			// the id of the rated conversation
			RatingAlerts.FollowUp followUp = ratingAlerts.followUp(id, staff);
			Optional.ofNullable(followUp.takenFromQueue()).ifPresent(taken -> updateCard(taken, "Taken by " + staff.name()));
			return followUp.action();
		}
		return take(id, staff);
	}

	/**
	 * The staff member takes the request, as with the Take button: it is theirs unless someone has it, and the card
	 * says so. First come, first served: taking a newer request while an older one waits with no one on it, they are
	 * told of the older one. A request a colleague has is taken over with a second Take within a minute (see
	 * {@link SecondTaps}), as when the colleague's shift is over; the customer's topic says so.
	 * @return a short note for them: theirs now, someone else's, or no longer open
	 */
	@Transactional
	public StaffAction take(long ticketId, StaffMember staff) {
		Optional<TicketView> taken = tickets.tryTake(ticketId, staff);
		if (taken.isEmpty()) {
			return NO_LONGER_OPEN;
		}
		TicketView ticket = taken.get();
		if (!staff.id().equals(ticket.takenById())) {
			return secondTaps.confirmed("take", ticketId, staff) ? takeOver(ticket, staff)
					: StaffAction.note(ticket.takenBy() + " already has this one. Take it again within a minute to take "
							+ "it over.");
		}
		conversations.heldByPerson(ticket.conversationId());
		updateCard(ticket, "Taken by " + staff.name());
		String older = tickets.longestWaiting()
			.filter(waiting -> waiting.id() < ticket.id())
			.map(waiting -> " " + waiting.number() + " has waited longer, and no one has it yet.")
			.orElse("");
		return StaffAction.note("It's yours." + older);
	}

	private StaffAction takeOver(TicketView before, StaffMember staff) {
		Optional<TicketView> taken = tickets.takeOver(before.id(), staff);
		if (taken.isEmpty()) {
			return NO_LONGER_OPEN;
		}
		updateCard(taken.get(), "Taken by " + staff.name());
		topics.existing(before.customerId())
			.ifPresent(topic -> group.reply(topic, cardKey(before.id()),
					staff.name() + " has taken this request over from " + before.takenBy() + "."));
		return StaffAction.note("It's yours now.");
	}

	/**
	 * The staff member closes the request, as with the Close button: the conversation ends, the customer is told, and
	 * the card says who closed it. A request no one has answered takes a second Close (see {@link SecondTaps}).
	 * @return a short note for them, and what to deliver to the customer
	 */
	@Transactional
	public StaffAction close(long ticketId, StaffMember staff) {
		if (tickets.awaitsAnswer(ticketId) && !secondTaps.confirmed("close", ticketId, staff)) {
			return StaffAction.note("No one has answered this customer yet. Close again within a minute to close the "
					+ "request without an answer.");
		}
		return closeNow(ticketId, staff);
	}

	/**
	 * A staff member closed a customer's topic in Telegram: its open request is closed as with the Close button, at
	 * once, answered or not (closing a topic takes a deliberate step in Telegram's menu). The topic is reopened when the
	 * customer next needs the staff.
	 * @return what to say in the topic and deliver to the customer; empty for a topic of no customer's, or one with no
	 * open request
	 */
	@Transactional
	public Optional<StaffAction> topicClosed(long topicId, StaffMember staff) {
		return topics.closedInGroup(topicId, true)
			.flatMap(tickets::openForCustomer)
			.map(ticket -> closeNow(ticket.id(), staff));
	}

	/** A staff member reopened a customer's topic in Telegram. */
	@Transactional
	public void topicReopened(long topicId) {
		topics.closedInGroup(topicId, false);
	}

	private StaffAction closeNow(long ticketId, StaffMember staff) {
		Optional<TicketView> closed = tickets.close(ticketId, staff);
		if (closed.isEmpty()) {
			return NO_LONGER_OPEN;
		}
		TicketView ticket = closed.get();
		updateCard(ticket, "Closed by " + staff.name());
		return new StaffAction("Closed.", conversations.closedByStaff(ticket.conversationId()).orElse(null));
	}

	/** A promise is due soon: a reminder in the customer's topic, replying to the card. */
	@ApplicationModuleListener
	void on(PromiseReminderDue due) {
		remind(due, due.ticket(), "Reminder: " + due.ticket().number() + held(due.ticket()) + " is promised by "
				+ hours.describe(due.ticket().promisedBy(), due.at()) + " and no one has answered yet.");
	}

	/** A promise passed with no staff reply: an alert in the customer's topic, replying to the card. */
	@ApplicationModuleListener
	void on(PromiseMissed missed) {
		remind(missed, missed.ticket(), "Promise missed: " + missed.ticket().number() + held(missed.ticket())
				+ " was promised by " + hours.describe(missed.ticket().promisedBy(), missed.at())
				+ ". Please answer the customer now.");
	}

	/** Who has the ticket, for a reminder: " (Kim has it)", or nothing while no one has. */
	private static String held(TicketView ticket) {
		return ticket.takenBy() == null ? "" : " (" + ticket.takenBy() + " has it)";
	}

	/**
	 * Replies to the ticket's card; without a topic of the customer's in this group (the staff moved to another
	 * group), posts in the General topic with the customer's name, so a promise never comes due unseen.
	 */
	private void remind(Record event, TicketView ticket, String text) {
		// one that waited its turn (the group could not be reached, say) is not posted once the request is answered
		if (!tickets.awaitsAnswer(ticket.id()) || !toActOn(event, ticket.customerId())) {
			return;
		}
		topics.existing(ticket.customerId())
			.ifPresentOrElse(topic -> group.reply(topic, cardKey(ticket.id()), text),
					() -> group.postToGeneral(text + "\nCustomer: " + customerName(ticket)));
	}

	/** The ticket's customer as their topic is titled. */
	private String customerName(TicketView ticket) {
		return conversations.customer(ticket.customerId()).map(StaffTopics::title).orElse("Customer");
	}

	/** The business opened: the requests from the closed period, oldest first, in the group's general topic. */
	@ApplicationModuleListener
	void on(OpeningSummary summary) {
		if (summary.waiting().isEmpty() || !toActOn(summary)) {
			return;
		}
		int count = summary.waiting().size();
		StringBuilder text = new StringBuilder("We're open. ").append(count == 1
				? "1 request from while we were closed still needs an answer:"
				: count + " requests from while we were closed still need an answer, oldest first:");
		for (TicketView ticket : summary.waiting()) {
			text.append('\n')
				.append(ticket.number())
				.append(' ')
				.append(customerName(ticket))
				.append(", promised by ")
				.append(hours.describe(ticket.promisedBy(), summary.openedAt()))
				.append(ticket.takenBy() == null ? "" : " (taken by " + ticket.takenBy() + ")");
		}
		group.postToGeneral(text.toString());
	}

	/** The customer withdrew the request or ended the conversation, or it went quiet: the staff see it in the topic. */
	@ApplicationModuleListener
	void on(TicketEnded ended) {
		if (ended.ending() == TicketEnded.Ending.CLOSED_BY_STAFF
				|| !toActOn(ended, ended.ticket().customerId())) {
			return;
		}
		topics.existing(ended.ticket().customerId()).ifPresent(topic -> {
			String status = switch (ended.ending()) {
				case WITHDRAWN -> "Withdrawn by the customer";
				case IDLE -> "Closed: no messages for a while";
				default -> "Ended by the customer";
			};
			updateCard(ended.ticket(), status);
			group.post(topic, ended.ticket().number() + ": " + status.toLowerCase(Locale.ROOT) + ".", List.of(),
					null);
		});
	}

	private void updateCard(TicketView ticket, String status) {
		if (!group.configured()) {
			return;
		}
		CustomerProfile customer = conversations.customer(ticket.customerId()).orElseThrow();
		group.edit(cardKey(ticket.id()), card(ticket, customer, status),
				status.startsWith("Taken") || status.equals(WAITING) ? buttons(ticket) : List.of());
	}

	private String card(TicketView ticket, CustomerProfile customer, String status) {
		ZoneId zone = hours.zone();
		StringBuilder card = new StringBuilder();
		card.append(ticket.number())
			.append(" · ")
			.append(ticket.afterHours() ? "after hours" : "in hours")
			.append('\n')
			.append("Customer: ")
			.append(StaffTopics.title(customer))
			.append('\n')
			.append(ticket.followUp() ? "Follow-up of a bad rating: no time was promised"
					: "Promised by " + hours.describe(ticket.promisedBy(), ticket.requestedAt()) + " (" + zone.getId() + ")")
			.append('\n')
			.append(status);
		List<TranscriptLine> lines = conversations.lastMessages(ticket.conversationId(), CARD_MESSAGES);
		if (!lines.isEmpty()) {
			// a follow-up's card has none until someone writes
			card.append("\n\nLast messages:");
		}
		for (TranscriptLine line : lines) {
			card.append('\n')
				.append(TIME.format(line.at().atZone(zone)))
				.append(' ')
				.append(switch (line.author()) {
					case "CUSTOMER" -> customer.name() + ": ";
					// a staff line signed with its writer's name, as the customer got it, names them already
					case "STAFF" -> settings.showNames() ? "" : Objects.requireNonNullElse(line.staffName(), "Staff") + ": ";
					default -> "Bot: ";
				})
				.append(Cut.shorten(line.text(), CARD_LINE));
		}
		return card.toString();
	}

	private static List<Reply.Button> buttons(TicketView ticket) {
		Reply.Button close = new Reply.Button("Close", CLOSE + ticket.id());
		return List.of(new Reply.Button(ticket.takenBy() == null ? "Take" : "Take over", TAKE + ticket.id()), close);
	}

	static String cardKey(long ticketId) {
		return "card:" + ticketId;
	}
}
