package frontdesk.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import frontdesk.hours.BusinessHours;
import frontdesk.intent.Intent;
import frontdesk.intent.MessageKey;
import frontdesk.matching.Understanding;
import frontdesk.ticket.TicketEnded;
import frontdesk.ticket.TicketView;
import frontdesk.ticket.Tickets;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes customer messages from any channel: stores each one, decides what the bot says, and stores that too, all in
 * the caller's transaction, so a channel can record in the same transaction that the message was handled.
 */
@Service
public class ConversationService {

	private final CustomerRepository customers;

	private final ConversationRepository conversations;

	private final MessageRepository messages;

	private final Dialogue dialogue;

	private final Understanding understanding;

	private final BusinessHours hours;

	private final Feedback feedback;

	private final BotTexts texts;

	private final Tickets tickets;

	private final ConversationSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ConversationService(CustomerRepository customers, ConversationRepository conversations, MessageRepository messages,
			Dialogue dialogue, Understanding understanding, BusinessHours hours, Feedback feedback, BotTexts texts,
			Tickets tickets, ConversationSettings settings, ApplicationEventPublisher events, Clock clock) {
		this.feedback = feedback;
		this.texts = texts;
		this.tickets = tickets;
		this.settings = settings;
		this.events = events;
		this.customers = customers;
		this.conversations = conversations;
		this.messages = messages;
		this.dialogue = dialogue;
		this.understanding = understanding;
		this.hours = hours;
		this.clock = clock;
	}

	/**
	 * One of the bot's own texts, as the intents folder's {@code messages.yml} has it, for no customer in particular.
	 */
	public String text(MessageKey key) {
		return texts.get(key, clock.instant());
	}

	/**
	 * Stores a customer message and returns what the bot says about it (stored as well). A customer's messages are
	 * handled one at a time; the first two messages of a new customer that arrive together meet in the database, and
	 * the second fails with a {@link org.springframework.dao.DataIntegrityViolationException}, to be tried again.
	 */
	@Transactional
	public Response handle(Inbound inbound) {
		Instant now = clock.instant();
		Customer customer = customers.findLockedByChannelAndExternalId(inbound.from().channel(),
				inbound.from().externalId())
			.orElseGet(() -> customers.save(new Customer(inbound.from(), now)));
		customer.update(inbound.from());
		if (customer.markBlocked(false)) {
			// whoever writes to the bot has started it again, even if the channel did not say so
			events.publishEvent(new BotBlockChanged(customer.id(), false, now));
		}
		if (inbound.kind() == Inbound.Kind.BUTTON && Feedback.isFeedbackButton(inbound.text())) {
			return feedback.pressed(customer, inbound.text(), now);
		}
		Optional<Conversation> open = conversations.findOpen(customer.id());
		Understanding.Snapshot understood = understanding.current();
		if (open.isEmpty() && inbound.kind() == Inbound.Kind.BUTTON
				&& !Dialogue.startsConversation(inbound.text(), understood)) {
			return new Response(List.of(), texts.get(customer, MessageKey.STALE_BUTTON, now));
		}
		if (open.isEmpty() && inbound.kind() == Inbound.Kind.TEXT && Dialogue.isEnd(inbound.text().strip())) {
			// nothing to end (sent again after a close, say): the goodbye, without a conversation opened to be closed
			return new Response(List.of(Reply.of(texts.get(customer, MessageKey.CONVERSATION_CLOSED, now))), null);
		}
		if (inbound.kind() == Inbound.Kind.TEXT && !inbound.text().startsWith("/")) {
			Optional<Response> thanks = feedback.comment(customer, inbound, open, understood, now);
			if (thanks.isPresent()) {
				return thanks.get();
			}
		}
		Conversation conversation = open.orElseGet(() -> conversations.save(new Conversation(customer.id(), now)));
		conversation.customerWrote(now);
		Message message = Message.fromCustomer(conversation.id(), inbound, now);

		Long ticketBefore = conversation.ticketId();
		Turn turn = new Turn(customer, conversation, open.isEmpty(), inbound, message, understood, hours, now);
		dialogue.respond(turn);

		Long ticketId = ticketBefore != null ? ticketBefore : conversation.ticketId();
		messages.save(message.attachTo(ticketId));
		for (Turn.Said said : turn.said()) {
			messages.save(Message.fromBot(conversation.id(), said.reply().text(), said.intentId(), said.confidence(), now)
				.attachTo(ticketId));
		}
		conversations.save(conversation);
		if (ticketBefore != null && inbound.kind() != Inbound.Kind.BUTTON) {
			List<String> answers = turn.said().stream().filter(said -> said.intentId() != null)
				.map(said -> said.reply().text()).toList();
			events.publishEvent(new CustomerWrote(conversation.id(), customer.id(), ticketBefore, inbound.transcript(),
					inbound.media(), inbound.externalId(), inbound.replyTo(), false,
					answers.isEmpty() ? null : String.join("\n", answers), now));
		}
		return turn.response();
	}

	/**
	 * A customer changed a message they sent. While their request for a person is open the change is stored and the
	 * staff see it; the bot does not answer edits.
	 * @return whether the change was passed on to the staff
	 */
	@Transactional
	public boolean customerEdited(Inbound edited) {
		Instant now = clock.instant();
		Optional<Customer> customer = customers.findByChannelAndExternalId(edited.from().channel(),
				edited.from().externalId());
		Optional<Conversation> open = customer.flatMap(known -> conversations.findOpen(known.id()))
			.filter(conversation -> conversation.ticketId() != null);
		open.ifPresent(conversation -> {
			messages.save(Message.fromCustomer(conversation.id(), edited, now).edited().attachTo(conversation.ticketId()));
			events.publishEvent(new CustomerWrote(conversation.id(), conversation.customerId(), conversation.ticketId(),
					edited.transcript(), edited.media(), edited.externalId(), null, true, null, now));
		});
		return open.isPresent();
	}

	/**
	 * A staff member wrote to the customer: stored, and from now on a person holds the conversation and the bot stays
	 * quiet.
	 * @return what to deliver to the customer, or empty if the conversation is over
	 */
	@Transactional
	public Optional<CustomerDelivery> staffSaid(Long conversationId, String staffName, String text) {
		return conversations.findById(conversationId).filter(Conversation::isOpen).map(conversation -> {
			conversation.personAnswered(clock.instant());
			messages.save(Message.fromStaff(conversationId, staffName, text, clock.instant())
				.attachTo(conversation.ticketId()));
			conversations.save(conversation);
			Customer customer = customers.findById(conversation.customerId()).orElseThrow();
			return new CustomerDelivery(customer.profile(), Reply.of(text), true);
		});
	}

	/**
	 * A staff member changed what they wrote: the change is stored, and goes to the customer if the conversation is
	 * still open.
	 * @return the new text for the customer, or empty if the conversation is over
	 */
	@Transactional
	public Optional<CustomerDelivery> staffEdited(Long conversationId, String staffName, String text) {
		return conversations.findById(conversationId).filter(Conversation::isOpen).map(conversation -> {
			messages.save(Message.fromStaff(conversationId, staffName, text, clock.instant()).edited()
				.attachTo(conversation.ticketId()));
			Customer customer = customers.findById(conversation.customerId()).orElseThrow();
			return new CustomerDelivery(customer.profile(), Reply.of(text), true);
		});
	}

	/**
	 * A staff member took the request: a person holds the conversation now, and the bot stays quiet; until they write,
	 * the customer is still waiting, and the conversation is not closed for being quiet.
	 */
	@Transactional
	public void heldByPerson(Long conversationId) {
		conversations.findById(conversationId).filter(Conversation::isOpen).ifPresent(conversation -> {
			conversation.personTook(clock.instant());
			conversations.save(conversation);
		});
	}

	/**
	 * A staff member closed the conversation.
	 * @return the goodbye to deliver to the customer, or empty if it was over already
	 */
	@Transactional
	public Optional<CustomerDelivery> closedByStaff(Long conversationId) {
		return conversations.findById(conversationId).filter(Conversation::isOpen)
			.map(conversation -> close(conversation, CloseReason.STAFF, true));
	}

	/**
	 * Closes the conversation if it has gone quiet (see {@link Conversation#idle}); a person's request is closed with
	 * it. The customer gets the goodbye and the rating question if they asked anything.
	 * @return whether it was closed
	 */
	@Transactional
	public boolean closeIfIdle(Long conversationId) {
		Instant now = clock.instant();
		Optional<Conversation> quiet = conversations.findById(conversationId)
			.filter(conversation -> conversation.idle(now, settings.idleTimeout(), settings.staffIdleTimeout()));
		quiet.ifPresent(conversation -> {
			if (conversation.withPerson()) {
				tickets.closeFor(conversationId, TicketEnded.Ending.IDLE);
			}
			// asked: for a person, a question the bot answered (written or tapped from its suggestions), or one it
			// could not answer
			boolean asked = conversation.ticketId() != null || conversation.answeredCount() > 0
					|| messages.existsByConversationIdAndOutcomeIn(conversationId, NOT_ANSWERED);
			CustomerDelivery goodbye = close(conversation, CloseReason.IDLE, asked);
			if (asked) {
				events.publishEvent(goodbye);
			}
		});
		return quiet.isPresent();
	}

	/** Questions the bot could not answer (those it answered are counted by the conversation). */
	private static final Set<Message.Outcome> NOT_ANSWERED = EnumSet.of(Message.Outcome.AMBIGUOUS,
			Message.Outcome.UNKNOWN);

	/**
	 * Closes the conversation with a goodbye, stored, and with the rating question if {@code askRating}.
	 * @return the goodbye, for the customer's channel
	 */
	private CustomerDelivery close(Conversation conversation, CloseReason reason, boolean askRating) {
		Instant now = clock.instant();
		conversation.close(reason, now);
		conversations.save(conversation);
		Customer customer = customers.findById(conversation.customerId()).orElseThrow();
		String goodbye = texts.get(customer,
				reason == CloseReason.IDLE ? MessageKey.CONVERSATION_CLOSED_QUIET : MessageKey.CONVERSATION_CLOSED, now);
		Reply reply = askRating
				? feedback.farewell(conversation, goodbye, texts.get(customer, MessageKey.RATING_QUESTION, now))
				: Reply.of(goodbye);
		messages.save(Message.fromBot(conversation.id(), reply.text(), null, null, now).attachTo(conversation.ticketId()));
		return new CustomerDelivery(customer.profile(), reply, false);
	}

	/**
	 * A staff member follows up a customer's rating: the customer's open conversation, or a new one, gets a request for
	 * a person, for the staff member to take.
	 * @return the request
	 */
	@Transactional
	public TicketView followUp(Long ratedConversationId) {
		Long customerId = conversations.findById(ratedConversationId).orElseThrow().customerId();
		Instant now = clock.instant();
		Conversation conversation = conversations.findOpen(customerId)
			.orElseGet(() -> conversations.save(new Conversation(customerId, now).openedForFollowUp()));
		TicketView ticket = tickets.openFollowUp(conversation.id(), customerId);
		conversation.requestPerson(ticket.id());
		conversations.save(conversation);
		return ticket;
	}

	/** Whether a button's data is a rating or its Skip, which the conversation checks against the customer itself. */
	public static boolean isRatingButton(String data) {
		return Feedback.isFeedbackButton(data);
	}

	/** The conversations of a period: how many, how many the bot handled alone, and what it could not answer. */
	@Transactional(readOnly = true)
	public ConversationFigures figures(Instant from, Instant to, int unanswered) {
		return new ConversationFigures(conversations.countOpened(from, to),
				conversations.countWithBotOnly(from, to), unanswered(from, to, unanswered));
	}

	/**
	 * The questions the bot could not answer, most asked first: the same question asked with other spaces or capitals,
	 * or as a photo's caption, counts as one, with the guess the matcher made most often for it.
	 */
	private List<ConversationFigures.Unanswered> unanswered(Instant from, Instant to, int most) {
		Map<String, Map<String, Long>> asked = new HashMap<>();
		for (Object[] row : messages.findUnanswered(from, to)) {
			String question = ConversationFigures.Unanswered.asAsked((String) row[0]);
			if (!question.isEmpty()) {
				// no guess counts as a guess of "" here, and is told as none
				asked.computeIfAbsent(question, (key) -> new HashMap<>())
					.merge(Objects.requireNonNullElse((String) row[1], ""), (Long) row[2], Long::sum);
			}
		}
		return asked.entrySet()
			.stream()
			.map((question) -> new ConversationFigures.Unanswered(question.getKey(),
					question.getValue().values().stream().mapToLong(Long::longValue).sum(),
					likeliest(question.getValue())))
			.sorted(Comparator.comparingLong(ConversationFigures.Unanswered::times)
				.reversed()
				.thenComparing(ConversationFigures.Unanswered::text))
			.limit(most)
			.toList();
	}

	/** The guess made most often (the first by name of those made as often), or null when there was none. */
	private static String likeliest(Map<String, Long> guesses) {
		return guesses.entrySet()
			.stream()
			.filter((guess) -> !guess.getKey().isEmpty())
			.max(Map.Entry.<String, Long>comparingByValue()
				.thenComparing(Map.Entry.<String, Long>comparingByKey().reversed()))
			.map(Map.Entry::getKey)
			.orElse(null);
	}

	/** Who the customer is, as their channel told. */
	@Transactional(readOnly = true)
	public Optional<CustomerProfile> customer(Long customerId) {
		return customers.findById(customerId).map(Customer::profile);
	}

	/** The last messages of a conversation, oldest first. */
	@Transactional(readOnly = true)
	public List<TranscriptLine> lastMessages(Long conversationId, int count) {
		List<TranscriptLine> lines = new ArrayList<>(messages
			.findByConversationIdOrderByIdDesc(conversationId, Limit.of(count))
			.stream()
			.map(message -> new TranscriptLine(message.author().name(), message.staffName(), message.text(),
					message.createdAt()))
			.toList());
		Collections.reverse(lines);
		return lines;
	}

	/** A whole conversation with every message and what the bot made of it, for people to read. */
	@Transactional(readOnly = true)
	public Optional<ConversationTranscript> transcript(Long conversationId) {
		return conversations.findById(conversationId).map(conversation -> {
			Long customerId = conversation.customerId();
			List<ConversationTranscript.Line> lines = messages.findByConversationIdOrderById(conversationId)
				.stream()
				.map(message -> new ConversationTranscript.Line(message.author().name(), message.staffName(), message.text(),
						message.outcome() == null ? null : message.outcome().name(), message.intentId(),
						message.confidence(), message.ticketId(), message.createdAt()))
				.toList();
			return new ConversationTranscript(conversationId, customerId,
					customers.findById(customerId).map(Customer::profile).orElse(null), conversation.state().name(),
					conversation.openedAt(), conversation.closedAt(), conversation.closeReason(), lines);
		});
	}

	/**
	 * Erases a customer's data at their request: every message of theirs and to them, their name and their identity on
	 * their channel; the other modules erase theirs on {@link CustomerForgotten}, in this transaction. What stays has
	 * nothing of them: when their conversations and requests opened and closed, and their ratings' scores, for the
	 * figures.
	 * @return what was erased
	 * @throws IllegalStateException while the customer has a conversation open: it would go on without them
	 */
	@Transactional
	public Forgotten forget(Long customerId) {
		Customer customer = customers.findLockedById(customerId)
			.orElseThrow(() -> new IllegalArgumentException("No customer " + customerId));
		String refused = whyNotForget(customer);
		if (refused != null) {
			throw new IllegalStateException(refused);
		}
		CustomerProfile was = customer.profile();
		int erased = messages.deleteByCustomerId(customerId);
		feedback.forget(customerId);
		customer.forget(clock.instant());
		customers.save(customer);
		events.publishEvent(new CustomerForgotten(customerId, was));
		return new Forgotten(conversations.countByCustomerId(customerId), erased);
	}

	/**
	 * Why the customer cannot be forgotten now: they have a conversation open, or were forgotten already.
	 * @return the reason, for the staff; {@code null} when they can be
	 * @throws IllegalArgumentException for no such customer
	 */
	@Transactional(readOnly = true)
	public String whyNotForget(Long customerId) {
		return whyNotForget(customers.findById(customerId)
			.orElseThrow(() -> new IllegalArgumentException("No customer " + customerId)));
	}

	private String whyNotForget(Customer customer) {
		if (customer.forgotten()) {
			return "This customer was forgotten already.";
		}
		if (conversations.findOpen(customer.id()).isPresent()) {
			return "This customer has a conversation open. Close it, or wait until it goes quiet and closes, then "
					+ "forget them.";
		}
		return null;
	}

	/** The ids of the customer's conversations. */
	@Transactional(readOnly = true)
	public List<Long> conversationIdsOf(Long customerId) {
		return conversations.findIdsByCustomerId(customerId);
	}

	/** Whether the customer's data was erased at their request: nothing of them is to be shown or posted again. */
	@Transactional(readOnly = true)
	public boolean isForgotten(Long customerId) {
		return customers.findById(customerId).map(Customer::forgotten).orElse(false);
	}

	/**
	 * What forgetting a customer erased.
	 *
	 * @param conversations how many conversations they had (kept, without a word of them)
	 * @param messages how many messages were erased
	 */
	public record Forgotten(long conversations, int messages) {
	}

	/** The customer's conversations before this one, newest first, at most {@code count}. */
	@Transactional(readOnly = true)
	public List<EarlierConversation> earlierConversations(Long conversationId, int count) {
		return conversations.findById(conversationId)
			.map(conversation -> conversations
				.findByCustomerIdAndIdLessThanOrderByIdDesc(conversation.customerId(), conversationId, Limit.of(count))
				.stream()
				.map(earlier -> new EarlierConversation(earlier.id(), earlier.openedAt(), earlier.closedAt(),
						messages.findCustomerWords(earlier.id(), Limit.of(1)).stream().findFirst().orElse(null)))
				.toList())
			.orElse(List.of());
	}

	/**
	 * The customer blocked the bot on their channel (or unblocked it): nothing more is sent to a blocked one. A change
	 * is announced as {@link BotBlockChanged}, so the staff know.
	 */
	@Transactional
	public void blocked(String channel, String externalId, boolean blocked) {
		customers.findByChannelAndExternalId(channel, externalId)
			.filter(customer -> customer.markBlocked(blocked))
			.ifPresent(customer -> events.publishEvent(new BotBlockChanged(customer.id(), blocked, clock.instant())));
	}

	/**
	 * A message for the customer could not be delivered on their channel, and will not be: announced as
	 * {@link DeliveryFailed}, so the staff know.
	 * @param text what it said (an attachment's caption), or {@code null}
	 * @param attachment whether it was an attachment rather than a text
	 * @param reason why, as the channel said
	 */
	@Transactional
	public void deliveryFailed(String channel, String externalId, String text, boolean attachment, String reason) {
		customers.findByChannelAndExternalId(channel, externalId)
			.ifPresent(customer -> events.publishEvent(
					new DeliveryFailed(customer.id(), text, attachment, reason, clock.instant())));
	}

	/** Whether the customer blocked the bot on their channel. */
	@Transactional(readOnly = true)
	public boolean isBlocked(String channel, String externalId) {
		return customers.findByChannelAndExternalId(channel, externalId).map(Customer::blocked).orElse(false);
	}

	/**
	 * The answers staff may send a customer as their own, in the intents' order: those of the intents that answer with
	 * a text of their own (not a handoff, a goodbye or the opening hours), each as its first variant, filled in for the
	 * customer.
	 */
	@Transactional(readOnly = true)
	public List<SavedAnswer> savedAnswers(Long customerId) {
		UnaryOperator<String> fill = texts.filler(customers.findById(customerId).orElseThrow(), clock.instant());
		return understanding.current()
			.intents()
			.intents()
			.stream()
			.filter(intent -> intent.action() == Intent.Action.ANSWER)
			.map(intent -> new SavedAnswer(intent.id(), intent.label(), fill.apply(intent.answers().get(0))))
			.toList();
	}

	/** How far back in a conversation a question the bot could not answer is looked for. */
	private static final int RECENT = 30;

	/**
	 * The latest question the bot could not answer among the conversation's last {@value #RECENT} messages, asked since
	 * a member of staff last wrote (one asked before that, they have answered already).
	 */
	@Transactional(readOnly = true)
	public Optional<UnansweredQuestion> lastUnanswered(Long conversationId) {
		return messages.findByConversationIdOrderByIdDesc(conversationId, Limit.of(RECENT))
			.stream()
			.takeWhile(message -> message.author() != Message.Author.STAFF)
			.flatMap(message -> unanswered(message).stream())
			.findFirst();
	}

	/** The question of a customer's message the bot could not answer; empty for any other message. */
	@Transactional(readOnly = true)
	public Optional<UnansweredQuestion> unanswered(long messageId) {
		return messages.findById(messageId).flatMap(ConversationService::unanswered);
	}

	private static Optional<UnansweredQuestion> unanswered(Message message) {
		return Optional.of(message)
			.filter(candidate -> candidate.author() == Message.Author.CUSTOMER
					&& NOT_ANSWERED.contains(candidate.outcome()))
			.map(candidate -> new UnansweredQuestion(candidate.id(),
					ConversationFigures.Unanswered.asAsked(candidate.text()), candidate.intentId()));
	}

	/** Whether the customer blocked the bot on their channel. */
	@Transactional(readOnly = true)
	public boolean isBlocked(Long customerId) {
		return customers.findById(customerId).map(Customer::blocked).orElse(false);
	}
}
