package frontdesk.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import frontdesk.hours.HoursSettings;
import frontdesk.intent.Intent;
import frontdesk.intent.IntentSet;
import frontdesk.intent.IntentsReloaded;
import frontdesk.intent.MessageKey;
import frontdesk.matching.MatchResult;
import frontdesk.matching.MatchingSettings;
import frontdesk.matching.ScoredIntent;
import frontdesk.matching.Understanding;
import frontdesk.matching.Verdict;
import frontdesk.ticket.TicketEnded;
import frontdesk.ticket.TicketView;
import frontdesk.ticket.Tickets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the bot says to a customer message: commands by name, button presses by their data, texts by what the matcher
 * makes of them.
 */
@Component
class Dialogue {

	private static final Logger log = LoggerFactory.getLogger(Dialogue.class);

	/** Button data: ask the intent whose id follows. */
	static final String ASK = "i:";

	/** Button data: none of the offered intents. */
	static final String SOMETHING_ELSE = "else";

	/** Button data: talk to a person. */
	static final String PERSON = "human";

	/** Button data: the customer no longer needs the person they asked for; the ticket's id follows. */
	static final String WITHDRAW = "withdraw:";

	/** Button data: the customer is done; the conversation closes. */
	static final String DONE = "done";

	/** The confidence a text needs to end the conversation (an intent with {@code action: close}). */
	static final double SURE_TO_CLOSE = 0.6;

	/** Most candidates offered on a "did you mean". */
	static final int MAX_CANDIDATES = 3;

	private static final int START_SUGGESTIONS = 4;

	private final Map<String, Consumer<Turn>> commands = Map.of(
			"start", this::start,
			"help", this::help,
			"human", this::handOff,
			"end", this::end);

	private final ConversationSettings settings;

	private final MatchingSettings matching;

	private final Understanding understanding;

	private final Tickets tickets;

	private final Feedback feedback;

	private final UpsetSigns upsetSigns;

	private final HoursSettings hours;

	private final Map<String, AtomicInteger> rotation = new ConcurrentHashMap<>();

	Dialogue(ConversationSettings settings, MatchingSettings matching, Understanding understanding, Tickets tickets,
			Feedback feedback, HoursSettings hours) {
		this.settings = settings;
		this.matching = matching;
		this.understanding = understanding;
		this.tickets = tickets;
		this.feedback = feedback;
		this.upsetSigns = new UpsetSigns(settings.upsetWords());
		this.hours = hours;
	}

	void respond(Turn turn) {
		String text = turn.text;
		if (turn.kind == Inbound.Kind.BUTTON) {
			turn.inbound.pressed(buttonLabel(turn, text));
		}
		if (turn.conversation.withPerson()) {
			heldByPerson(turn, text);
			return;
		}
		switch (turn.kind) {
			case MEDIA -> {
				if (text.isEmpty()) {
					unsupported(turn);
				}
				else {
					understand(turn, text);
				}
			}
			case BUTTON -> pressed(turn, text);
			case TEXT -> {
				if (text.startsWith("/")) {
					command(turn, text);
				}
				else {
					understand(turn, text);
				}
			}
		}
	}

	/** A person holds the conversation: the bot stays quiet; the customer can still end it. */
	private void heldByPerson(Turn turn, String text) {
		if (turn.kind == Inbound.Kind.TEXT && isEnd(text)) {
			turn.inbound.understood(Message.Outcome.COMMAND, null, null);
			close(turn, null, null);
		}
		else if (turn.kind == Inbound.Kind.BUTTON) {
			turn.notice(turn.text(MessageKey.STALE_BUTTON));
		}
	}

	/** Whether the text is the {@code /end} command. */
	static boolean isEnd(String text) {
		return text.startsWith("/") && commandName(text).equals("end");
	}

	private static String commandName(String text) {
		return text.substring(1).split("[\\s@]", 2)[0].toLowerCase(Locale.ROOT);
	}

	private void command(Turn turn, String text) {
		turn.inbound.understood(Message.Outcome.COMMAND, null, null);
		commands.getOrDefault(commandName(text), this::help).accept(turn);
	}

	/** What a button with this data says, as the customer saw it; data the bot never sent is shown as it came. */
	private static String buttonLabel(Turn turn, String data) {
		if (data.startsWith(ASK)) {
			return turn.understanding.intents().find(data.substring(ASK.length())).map(Intent::label).orElse(data);
		}
		if (data.startsWith(WITHDRAW)) {
			return turn.text(MessageKey.WITHDRAW);
		}
		return switch (data) {
			case SOMETHING_ELSE -> turn.text(MessageKey.SOMETHING_ELSE);
			case PERSON -> turn.text(MessageKey.TALK_TO_PERSON);
			case DONE -> turn.text(MessageKey.DONE);
			default -> data;
		};
	}

	/**
	 * Whether a button can start a conversation: a question, "Something else" or a person. The others belong to the
	 * conversation they were offered in, so once it is over they have expired; so has a goodbye offered under "Did you
	 * mean", which would open a conversation only to close it.
	 */
	static boolean startsConversation(String data, Understanding.Snapshot understanding) {
		return data.equals(SOMETHING_ELSE) || data.equals(PERSON) || data.startsWith(ASK) && understanding.intents()
			.findOfferable(data.substring(ASK.length()))
			.filter(intent -> intent.action() != Intent.Action.CLOSE)
			.isPresent();
	}

	private void pressed(Turn turn, String data) {
		turn.inbound.understood(Message.Outcome.COMMAND, null, null);
		if (data.startsWith(ASK)) {
			Optional<Intent> intent = turn.understanding.intents().findOfferable(data.substring(ASK.length()));
			if (intent.isPresent()) {
				turn.inbound.understood(Message.Outcome.COMMAND, intent.get().id(), 1.0);
				act(turn, intent.get(), 1.0);
				return;
			}
		}
		else if (data.equals(SOMETHING_ELSE)) {
			orIfWaiting(turn, () -> offerPerson(turn, MessageKey.SOMETHING_ELSE_REPLY));
			return;
		}
		else if (data.equals(PERSON)) {
			handOff(turn);
			return;
		}
		else if (data.equals(DONE) && turn.conversation.offerToEnd()) {
			// a button from before the customer asked for a person: no more reason to drop the request than a goodbye
			orIfWaiting(turn, () -> close(turn, null, null));
			return;
		}
		else if (data.equals(WITHDRAW + turn.conversation.ticketId()) && turn.conversation.waitingForPerson()) {
			withdraw(turn);
			return;
		}
		turn.notice(turn.text(MessageKey.STALE_BUTTON));
	}

	/** A photo and the like: the staff will see it if a person is on the way; the bot can only read text. */
	private void unsupported(Turn turn) {
		turn.inbound.understood(Message.Outcome.UNSUPPORTED, null, null);
		orIfWaiting(turn, () -> turn.say(Reply.of(turn.text(MessageKey.TEXT_ONLY))));
	}

	/**
	 * While the customer waits for a person, what the bot cannot answer goes to the request with a short note now and
	 * then; otherwise the bot does what it would.
	 */
	private void orIfWaiting(Turn turn, Runnable withTheBot) {
		if (turn.conversation.waitingForPerson()) {
			acknowledge(turn);
		}
		else {
			withTheBot.run();
		}
	}

	private void understand(Turn turn, String text) {
		MatchResult result = closingNeedsMore(turn, turn.understanding.match(text));
		Optional<ScoredIntent> best = result.best();
		String guess = best.map(ScoredIntent::intentId).orElse(null);
		Double score = best.map(ScoredIntent::confidence).orElse(null);
		boolean upset = upsetSigns.in(text);
		Intent intent = result.verdict() == Verdict.CONFIDENT ? turn.understanding.intents().find(guess).orElseThrow()
				: null;
		if (result.verdict() == Verdict.AMBIGUOUS) {
			turn.inbound.understood(Message.Outcome.AMBIGUOUS, guess, score);
			orIfWaiting(turn, () -> askWhichOne(turn, result.candidates()));
		}
		else if (intent == null || intent.action() == Intent.Action.FALLBACK) {
			// a question recognised as one the bot should not answer is still one it could not answer
			turn.inbound.understood(Message.Outcome.UNKNOWN, guess, score);
			orIfWaiting(turn, () -> notUnderstood(turn, text, upset));
		}
		else {
			turn.inbound.understood(Message.Outcome.ANSWERED, guess, score);
			act(turn, intent, score);
		}
		// an answer or a "did you mean" does not offer a person by itself; an upset customer gets the offer after it
		if (upset && turn.said().stream().noneMatch((said) -> offersPerson(turn, said.reply()))
				&& turn.conversation.offerPersonToUpset()) {
			offerPerson(turn, MessageKey.UPSET);
		}
	}

	/**
	 * Ending the conversation on a guess is worse than asking, so a text that would close it needs a surer match than
	 * one that gets an answer ("change" is no goodbye): below {@link #SURE_TO_CLOSE} the customer is asked instead.
	 */
	private static MatchResult closingNeedsMore(Turn turn, MatchResult result) {
		boolean closing = result.verdict() == Verdict.CONFIDENT && result.best()
			.filter(best -> best.confidence() < SURE_TO_CLOSE)
			.flatMap(best -> turn.understanding.intents().find(best.intentId()))
			.filter(intent -> intent.action() == Intent.Action.CLOSE)
			.isPresent();
		return closing ? new MatchResult(Verdict.AMBIGUOUS, result.candidates()) : result;
	}

	/** A miss: the bot says so and offers a person (an upset customer at once, rather than asking to rephrase). */
	private void notUnderstood(Turn turn, String text, boolean upset) {
		boolean offer = turn.conversation.missed();
		if (upset && turn.conversation.offerPersonToUpset()) {
			offerPerson(turn, MessageKey.UPSET);
		}
		else if (text.length() > settings.longText()) {
			offerPerson(turn, MessageKey.TOO_LONG);
		}
		else {
			offerPerson(turn, offer ? MessageKey.OFFER_PERSON : MessageKey.FALLBACK);
		}
	}

	/** Whether a reply has a button that brings a person: the bot's own, or a suggested intent that hands over. */
	private static boolean offersPerson(Turn turn, Reply reply) {
		return reply.buttons().stream().map(Reply.Button::data).anyMatch((data) -> data.equals(PERSON)
				|| (data.startsWith(ASK) && turn.understanding.intents().find(data.substring(ASK.length()))
					.filter((intent) -> intent.action() == Intent.Action.HANDOFF)
					.isPresent()));
	}

	/**
	 * Does what a recognised intent asks. An intent with {@code action: fallback} never comes here: a text matched to
	 * it is a miss, and no button offers it.
	 */
	private void act(Turn turn, Intent intent, double confidence) {
		switch (intent.action()) {
			case ANSWER -> {
				turn.conversation.answered();
				List<Reply.Button> buttons = new ArrayList<>(suggestions(turn.understanding.intents(), intent.suggest()));
				if (turn.conversation.offerToEnd() && !turn.conversation.waitingForPerson()) {
					buttons.add(new Reply.Button(turn.text(MessageKey.DONE), DONE));
				}
				turn.say(new Reply(turn.fill(pick(intent)), buttons), intent.id(), confidence);
			}
			case HANDOFF -> handOff(turn, intent, confidence);
			// a goodbye while waiting for a person is no reason to drop the request
			case CLOSE -> orIfWaiting(turn, () -> close(turn, intent, confidence));
			case HOURS -> {
				turn.conversation.answered();
				say(turn, intent, confidence, turn.hoursOpen() ? MessageKey.OPEN_NOW : MessageKey.CLOSED_NOW);
			}
		}
	}

	/**
	 * The greeting with the configured suggestions; where none of them is an intent (the setting names the sample
	 * shop's, say, and the business wrote its own), the first few answerable intents instead.
	 */
	private void start(Turn turn) {
		IntentSet intents = turn.understanding.intents();
		List<Reply.Button> buttons = suggestions(intents, settings.startSuggestions());
		if (buttons.isEmpty()) {
			buttons = suggestions(intents, intents.intents()
				.stream()
				.filter(intent -> intent.action() == Intent.Action.ANSWER)
				.limit(START_SUGGESTIONS)
				.map(Intent::id)
				.toList());
		}
		turn.say(new Reply(turn.text(MessageKey.GREETING), buttons));
	}

	/** Says in the log, when the intents load and whenever they change, which start suggestions they lack. */
	@EventListener
	void on(IntentsReloaded reloaded) {
		checkStartSuggestions(reloaded.intents());
	}

	@EventListener(ApplicationReadyEvent.class)
	void checkStartSuggestions() {
		checkStartSuggestions(understanding.current().intents());
	}

	private void checkStartSuggestions(IntentSet intents) {
		List<String> missing = settings.startSuggestions().stream()
			.filter(id -> intents.findOfferable(id).isEmpty())
			.toList();
		if (!missing.isEmpty()) {
			log.warn("frontdesk.conversation.start-suggestions names {}, which the intents do not have (or which are "
					+ "not answered, such as out-of-scope examples); the greeting offers {}", missing,
					missing.size() < settings.startSuggestions().size() ? "the others"
							: "the first few answerable intents instead");
		}
	}

	private void help(Turn turn) {
		turn.say(Reply.of(turn.text(MessageKey.HELP)));
	}

	private void end(Turn turn) {
		close(turn, null, null);
	}

	private void handOff(Turn turn) {
		handOff(turn, null, null);
	}

	/**
	 * Opens a ticket (or finds the one already open) and tells the customer the promise: their place in the queue in
	 * hours (and that the answer may come only after closing, when it may), when the business opens again after hours.
	 * An intent with {@code action: handoff} may say its own answer first.
	 */
	private void handOff(Turn turn, Intent intent, Double confidence) {
		if (intent != null && !intent.answers().isEmpty()) {
			turn.say(Reply.of(turn.fill(pick(intent))), intent.id(), confidence);
		}
		TicketView ticket = tickets.open(turn.conversation.id(), turn.customer.id());
		turn.conversation.requestPerson(ticket.id());
		// "shortly" when the answer comes before the closing; "we close soon" when the closing puts it off; neither
		// when the response time is longer than what is left of the day's hours anyway
		MessageKey promise = !turn.hoursOpen() ? MessageKey.HANDOFF_AFTER_HOURS
				: turn.openUntil(ticket.promisedBy()) ? MessageKey.HANDOFF_IN_HOURS
				: turn.closesFirst(ticket.promisedBy(), hours.responseTime()) ? MessageKey.HANDOFF_BEFORE_CLOSING
						: MessageKey.HANDOFF_LATER;
		turn.say(Reply.of(turn.text(promise, ticketValues(turn, ticket)),
				new Reply.Button(turn.text(MessageKey.WITHDRAW), WITHDRAW + ticket.id())),
				intent == null ? null : intent.id(), confidence);
	}

	/** While the customer waits for a person: a short note now and then, not one per message. */
	private void acknowledge(Turn turn) {
		if (turn.conversation.acknowledgeWhileWaiting(turn.now, settings.acknowledgeEvery())) {
			tickets.openFor(turn.conversation.id())
				.ifPresent(ticket -> turn.say(Reply.of(turn.text(MessageKey.WAITING, ticketValues(turn, ticket)))));
		}
	}

	private void withdraw(Turn turn) {
		tickets.withdraw(turn.conversation.id()).ifPresent(ticket -> {
			turn.conversation.withdrawRequest();
			turn.say(Reply.of(turn.text(MessageKey.WITHDRAWN, ticketValues(turn, ticket))));
		});
	}

	private static Map<String, String> ticketValues(Turn turn, TicketView ticket) {
		return Map.of("ticket", ticket.number(), "position", String.valueOf(Math.max(ticket.position(), 1)),
				"promised_by", turn.describe(ticket.promisedBy()), "promised_day", turn.describeDay(ticket.promisedBy()),
				"promised_time", turn.describeTime(ticket.promisedBy()), "zone", turn.zone());
	}

	/**
	 * The customer ends the conversation: a request still waiting is withdrawn, one a person holds is closed; the
	 * goodbye (the intent's own answer, if it has one) comes with the rating question.
	 */
	private void close(Turn turn, Intent intent, Double confidence) {
		if (turn.conversation.waitingForPerson()) {
			tickets.withdraw(turn.conversation.id());
		}
		else if (turn.conversation.withPerson()) {
			tickets.closeFor(turn.conversation.id(), TicketEnded.Ending.ENDED_BY_CUSTOMER);
		}
		turn.conversation.close(CloseReason.CUSTOMER, turn.now);
		String goodbye = intent == null || intent.answers().isEmpty() ? turn.text(MessageKey.CONVERSATION_CLOSED)
				: turn.fill(pick(intent));
		// a conversation this very message opened (a goodbye written after the last one closed) has nothing to rate
		turn.say(turn.opening ? Reply.of(goodbye)
				: feedback.farewell(turn.conversation, goodbye, turn.text(MessageKey.RATING_QUESTION)),
				intent == null ? null : intent.id(), confidence);
	}

	/** Says the intent's own answer if it has one, else the bot's text for the action. */
	private void say(Turn turn, Intent intent, Double confidence, MessageKey otherwise) {
		if (intent == null || intent.answers().isEmpty()) {
			turn.say(Reply.of(turn.text(otherwise)), intent == null ? null : intent.id(), confidence);
		}
		else {
			turn.say(Reply.of(turn.fill(pick(intent))), intent.id(), confidence);
		}
	}

	private void askWhichOne(Turn turn, List<ScoredIntent> candidates) {
		IntentSet intents = turn.understanding.intents();
		List<Reply.Button> buttons = new ArrayList<>(suggestions(intents,
				candidates.stream().limit(MAX_CANDIDATES).map(ScoredIntent::intentId).toList()));
		buttons.add(new Reply.Button(turn.text(MessageKey.SOMETHING_ELSE), SOMETHING_ELSE));
		// below the threshold the bot did not understand, whatever it guesses: a miss, with a person one tap away
		if (!candidates.isEmpty() && !matching.sure(candidates.get(0).confidence())) {
			turn.conversation.missed();
			buttons.add(new Reply.Button(turn.text(MessageKey.TALK_TO_PERSON), PERSON));
		}
		turn.say(new Reply(turn.text(MessageKey.DID_YOU_MEAN), buttons));
	}

	private void offerPerson(Turn turn, MessageKey key) {
		turn.say(Reply.of(turn.text(key), new Reply.Button(turn.text(MessageKey.TALK_TO_PERSON), PERSON)));
	}

	private List<Reply.Button> suggestions(IntentSet intents, List<String> ids) {
		return ids.stream()
			.flatMap(id -> intents.findOfferable(id).stream())
			.map(intent -> new Reply.Button(intent.label(), ASK + intent.id()))
			.toList();
	}

	/** The next answer variant of an intent: variants take turns. */
	private String pick(Intent intent) {
		List<String> answers = intent.answers();
		if (answers.size() == 1) {
			return answers.get(0);
		}
		int next = rotation.computeIfAbsent(intent.id(), id -> new AtomicInteger()).getAndIncrement();
		return answers.get(Math.floorMod(next, answers.size()));
	}
}
