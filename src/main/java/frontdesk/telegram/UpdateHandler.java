package frontdesk.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberUpdated;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import frontdesk.conversation.ConversationService;
import frontdesk.conversation.CustomerDelivery;
import frontdesk.conversation.CustomerProfile;
import frontdesk.conversation.Inbound;
import frontdesk.conversation.Reply;
import frontdesk.conversation.Response;
import frontdesk.intent.MessageKey;
import frontdesk.staff.StaffAction;
import frontdesk.staff.StaffDesk;
import frontdesk.ticket.StaffMember;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Handles one Telegram update exactly once: records its id, turns it into the project's own {@link Inbound}, lets the
 * conversation answer, and queues the answer, all in one transaction. Updates the bot has no use for are recorded and
 * ignored.
 */
@Component
class UpdateHandler {

	static final String CHANNEL = "telegram";

	/** Telegram delivers an update again for at most a day; twice that, to be safe. */
	static final Duration REDELIVERY_WINDOW = Duration.ofDays(2);

	private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);

	/** The kinds of {@link #MEDIA} that Telegram lets carry a caption. */
	private static final Set<String> CAPTIONED = Set.of("photo", "voice message", "animation", "video", "audio",
			"document", "paid media");

	/** A command at the start of a text: {@code /name} or {@code /name@bot}. */
	private static final Pattern COMMAND = Pattern.compile("/[A-Za-z0-9_]+(@\\w+)?(?=\\s|$)");

	/**
	 * What a message without text holds, by the name the transcript gives it; in this order, as a GIF comes as an
	 * animation and as a document.
	 */
	private static final List<Map.Entry<String, Predicate<Message>>> MEDIA = List.of(
			Map.entry("photo", Message::hasPhoto),
			Map.entry("sticker", Message::hasSticker),
			Map.entry("voice message", Message::hasVoice),
			Map.entry("video message", Message::hasVideoNote),
			Map.entry("animation", Message::hasAnimation),
			Map.entry("video", Message::hasVideo),
			Map.entry("audio", Message::hasAudio),
			Map.entry("document", Message::hasDocument),
			Map.entry("location", Message::hasLocation),
			Map.entry("contact", Message::hasContact),
			Map.entry("poll", Message::hasPoll),
			Map.entry("dice", Message::hasDice),
			Map.entry("story", Message::hasStory),
			Map.entry("game", Message::hasGame),
			Map.entry("paid media", Message::hasPaidMedia));

	private final ProcessedUpdateRepository processed;

	private final ConversationService conversations;

	private final Outbox outbox;

	private final StaffDesk staff;

	private final TelegramSettings settings;

	private final ApplicationEventPublisher events;

	private final BotName botName;

	private final Clock clock;

	UpdateHandler(ProcessedUpdateRepository processed, ConversationService conversations, Outbox outbox, StaffDesk staff,
			TelegramSettings settings, ApplicationEventPublisher events, BotName botName, Clock clock) {
		this.events = events;
		this.botName = botName;
		this.processed = processed;
		this.conversations = conversations;
		this.outbox = outbox;
		this.staff = staff;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Handles the update unless it was handled before.
	 * @return {@code false} for an update already handled
	 */
	@Transactional
	public boolean handle(Update update) {
		long id = update.getUpdateId();
		Instant now = clock.instant();
		Optional<ProcessedUpdate> before = processed.findById(id);
		if (before.isPresent() && before.get().receivedAfter(now.minus(REDELIVERY_WINDOW))) {
			log.info("Update {} was delivered again; it was handled before, so it is skipped", id);
			return false;
		}
		// Telegram keeps updates for a day; an old id seen again is a new update (ids restart after a quiet week)
		before.ifPresentOrElse(old -> old.handledAgain(now), () -> processed.save(ProcessedUpdate.handled(id, now)));
		if (update.hasMessage() && update.getMessage().getChat() != null && update.getMessage().isUserMessage()) {
			onPrivateMessage(update.getMessage());
		}
		else if (update.hasMessage() && isStaffGroup(update.getMessage().getChatId())) {
			onStaffMessage(update.getMessage());
		}
		else if (update.hasEditedMessage() && update.getEditedMessage().isUserMessage()) {
			onCustomerEdit(update.getEditedMessage());
		}
		else if (update.hasEditedMessage() && isStaffGroup(update.getEditedMessage().getChatId())) {
			onStaffEdit(update.getEditedMessage());
		}
		else if (update.hasCallbackQuery()) {
			onButton(update.getCallbackQuery());
		}
		else if (update.hasMyChatMember()) {
			onMembership(update.getMyChatMember());
		}
		else {
			log.info("Ignored update {} ({})", id, describe(update));
		}
		return true;
	}

	/** Records an update that could not be handled, whole, so nothing is lost and it is not tried again. */
	@Transactional
	public void fail(long updateId, String payload, String error) {
		Instant now = clock.instant();
		processed.findById(updateId)
			.ifPresentOrElse(old -> old.failed(payload, error, now),
					() -> processed.save(ProcessedUpdate.handled(updateId, now).failed(payload, error, now)));
	}

	private void onPrivateMessage(Message message) {
		inbound(message).ifPresentOrElse(inbound -> send(message.getChatId(), conversations.handle(inbound).replies()),
				() -> log.info("Ignored a message without text or media in chat {}", message.getChatId()));
	}

	/** A customer changed a message: the staff see the change while a request for a person is open. */
	private void onCustomerEdit(Message message) {
		if (inbound(message).map(conversations::customerEdited).orElse(false)) {
			return;
		}
		log.info("Ignored an edited message in chat {}: no request for a person is open", message.getChatId());
	}

	private static Optional<Inbound> inbound(Message message) {
		CustomerProfile from = profile(message.getChatId(), message.getFrom());
		String messageId = String.valueOf(message.getMessageId());
		Inbound inbound;
		if (message.hasText()) {
			inbound = Inbound.text(from, message.getText(), messageId);
		}
		else {
			Optional<String> media = mediaOf(message);
			if (media.isEmpty()) {
				return Optional.empty();
			}
			inbound = Inbound.media(from, media.get(), message.getCaption(), messageId);
		}
		Message repliedTo = message.getReplyToMessage();
		return Optional.of(repliedTo == null ? inbound : inbound.inReplyTo(String.valueOf(repliedTo.getMessageId())));
	}

	private static Optional<String> mediaOf(Message message) {
		return MEDIA.stream().filter(kind -> kind.getValue().test(message)).map(Map.Entry::getKey).findFirst();
	}

	private void onButton(CallbackQuery query) {
		if (query.getMessage() != null && isStaffGroup(query.getMessage().getChatId())) {
			onStaffButton(query);
			return;
		}
		if (query.getMessage() == null || !query.getMessage().isUserMessage()) {
			outbox.answerCallback(0, query.getId(), null);
			log.info("Ignored a button press outside a private chat");
			return;
		}
		long chatId = query.getMessage().getChatId();
		if (StaffDesk.isStaffButton(query.getData())) {
			outbox.answerCallback(chatId, query.getId(), conversations.text(MessageKey.NOT_YOUR_BUTTON));
			log.warn("A staff button was pressed in private chat {}; nothing changed", chatId);
			return;
		}
		if (query.getFrom() == null || query.getFrom().getId() != chatId) {
			outbox.answerCallback(chatId, query.getId(), null);
			log.warn("Ignored a button press in chat {} from another user", chatId);
			return;
		}
		Response response = conversations.handle(Inbound.button(profile(chatId, query.getFrom()), query.getData()));
		outbox.answerCallback(chatId, query.getId(), response.notice());
		if (response.edit() != null) {
			outbox.edit(chatId, MessagePairs.message(query.getMessage().getMessageId()), response.edit());
		}
		send(chatId, response.replies());
	}

	/**
	 * A message in the staff group: in a customer's topic it goes to the customer (unless it is a note for
	 * colleagues), paired with the copy the customer gets; {@code /take} takes the topic's ticket, and closing the
	 * topic in Telegram closes it.
	 */
	private void onStaffMessage(Message message) {
		Integer topic = message.getMessageThreadId();
		Optional<StaffMember> from = staffMember(message);
		// what the bot says to a command answers it, so that it is clear whose it is
		String answering = MessagePairs.message(message.getMessageId());
		String command = message.hasText() ? commandOf(message.getText()) : null;
		if (command != null && botName.isForAnotherBot(command)) {
			log.info("Ignored {} in the staff group: it is for another bot", command);
			return;
		}
		String name = nameOf(command);
		if (from.isPresent() && (name.equals("stats") || name.equals("queue"))) {
			outbox.send(message.getChatId(), message.isTopicMessage() ? topic : null,
					Reply.of(name.equals("stats") ? staff.stats(message.getText()) : staff.queue()), null, answering);
			return;
		}
		if (topic == null || !message.isTopicMessage() || from.isEmpty()) {
			return;
		}
		if (message.getForumTopicClosed() != null) {
			staff.topicClosed(topic, from.get()).ifPresent(action -> acted(message, action));
			return;
		}
		if (message.getForumTopicReopened() != null) {
			staff.topicReopened(topic);
			return;
		}
		if (isLeftOver(message)) {
			outbox.send(message.getChatId(), topic, Reply.of("Not sent: this topic is no customer's. Frontdesk opened it, "
					+ "but Telegram's answer never reached it, so the customer's messages go to another topic of the same "
					+ "name. Write there."), null, answering);
			return;
		}
		String replyTo = repliedToInTopic(message);
		if (!message.hasText()) {
			Optional<String> media = mediaOf(message);
			if (media.isPresent() && (message.getCaption() == null || !StaffDesk.isNote(message.getCaption()))) {
				staff.staffSentMedia(topic, from.get(), media.get(), message.getCaption(), sentAt(message)).ifPresent(delivery -> {
					if (CHANNEL.equals(delivery.customer().channel())) {
						// a sticker, a video message and the like cannot carry a caption, not even the staff's name
						boolean captioned = !delivery.reply().text().isEmpty() && CAPTIONED.contains(media.get());
						outbox.copy(Long.parseLong(delivery.customer().externalId()), null, message.getChatId(),
								message.getMessageId(), captioned ? delivery.reply().text() : null, replyTo);
					}
					else {
						// another channel cannot show Telegram's media: the customer is told what was sent
						events.publishEvent(new CustomerDelivery(delivery.customer(),
								Reply.of(("[" + media.get() + "] " + delivery.reply().text()).strip()), true));
					}
				});
			}
			return;
		}
		if (StaffDesk.isNote(message.getText())) {
			return;
		}
		if (name.equals("take") || name.equals("close")) {
			acted(message, name.equals("close") ? staff.closeInTopic(topic, from.get())
					: staff.takeInTopic(topic, from.get()));
			return;
		}
		if (name.equals("answer")) {
			String wanted = message.getText().strip().substring(command.length()).strip();
			StaffAction action = staff.answerInTopic(topic, from.get(), wanted, sentAt(message));
			outbox.send(message.getChatId(), topic, new Reply(action.notice(), action.buttons()), null, answering);
			// paired with the command, so that replies to it thread on both sides
			Optional.ofNullable(action.delivery())
				.ifPresent(delivery -> deliver(delivery, MessagePairs.copyOf(message.getChatId(), message.getMessageId()),
						replyTo));
			return;
		}
		if (command != null) {
			// another command (/help, say) is no message for the customer
			outbox.send(message.getChatId(), topic, Reply.of("Not sent: " + command + " is not one of "
					+ "Frontdesk's commands, which are /take, /close and /answer here and /queue and /stats anywhere in "
					+ "the group. To send the customer a text that starts with a slash, write it without the slash."),
					null, answering);
			return;
		}
		staff.staffWrote(topic, from.get(), message.getText().strip(), sentAt(message))
			.ifPresent(delivery -> deliver(delivery, MessagePairs.copyOf(message.getChatId(), message.getMessageId()),
					replyTo));
	}

	/**
	 * Whether a staff member wrote to a customer (a text or an attachment, no note) in a topic the bot opened but knows
	 * nothing of: Telegram opened it, but its answer was lost on the way (or Frontdesk stopped before it was stored),
	 * and the customer got another topic. What is written there would reach no one. A plain message in a topic
	 * replies to the topic's first message, which says who opened it.
	 */
	private boolean isLeftOver(Message message) {
		String said = message.hasText() ? message.getText() : message.getCaption();
		Message first = message.getReplyToMessage();
		return (message.hasText() || mediaOf(message).isPresent()) && (said == null || !StaffDesk.isNote(said))
				&& first != null && first.getForumTopicCreated() != null && settings.isThisBot(first.getFrom())
				&& !staff.isCustomerTopic(message.getMessageThreadId());
	}

	/** What came of a staff member's command in a topic: the bot's note answers it, and the customer gets theirs. */
	private void acted(Message message, StaffAction action) {
		outbox.send(message.getChatId(), message.getMessageThreadId(), Reply.of(action.notice()), null,
				MessagePairs.message(message.getMessageId()));
		Optional.ofNullable(action.delivery()).ifPresent(this::deliver);
	}

	/** When the message was sent, as Telegram says (it keeps messages while Frontdesk is down); now if it does not say. */
	private Instant sentAt(Message message) {
		return message.getDate() == null ? clock.instant() : Instant.ofEpochSecond(message.getDate());
	}

	/** The command a text starts with, as typed ({@code /Take@FrontdeskBot}), or {@code null}. */
	private static String commandOf(String text) {
		Matcher command = COMMAND.matcher(text.strip());
		return command.lookingAt() ? command.group() : null;
	}

	/**
	 * The command's name, {@code take} for {@code /take} or {@code /Take@FrontdeskBot} (a phone may capitalise it);
	 * empty for no command.
	 */
	private static String nameOf(String command) {
		return command == null ? "" : command.substring(1).split("@", 2)[0].toLowerCase(Locale.ROOT);
	}

	/**
	 * A staff member changed a message the customer got: the customer's copy changes too, while the request is open;
	 * after that the staff member is told it did not.
	 */
	private void onStaffEdit(Message message) {
		Integer topic = message.getMessageThreadId();
		Optional<StaffMember> from = staffMember(message);
		String copy = MessagePairs.copyOf(message.getChatId(), message.getMessageId());
		// a command edited (another saved answer named, say) does not change what it sent
		if (topic == null || from.isEmpty() || !message.hasText() || StaffDesk.isNote(message.getText())
				|| commandOf(message.getText()) != null || !outbox.knows(copy)) {
			log.debug("Ignored an edit in the staff group: not a text the customer got");
			return;
		}
		Optional<CustomerDelivery> delivery = staff.staffEdited(topic, from.get(), message.getText().strip());
		if (delivery.isEmpty()) {
			outbox.send(message.getChatId(), topic, Reply.of("Not changed for the customer: this request is closed, so "
					+ "they keep what they got. " + StaffDesk.REACHES_THEM_AGAIN), null,
					MessagePairs.message(message.getMessageId()));
		}
		else if (CHANNEL.equals(delivery.get().customer().channel())) {
			outbox.edit(Long.parseLong(delivery.get().customer().externalId()), copy, delivery.get().reply());
		}
	}

	/**
	 * What a staff message replies to, as a reference to the other side of the pair; none for a plain message (in a
	 * topic, Telegram makes those replies to the topic's first message).
	 */
	private static String repliedToInTopic(Message message) {
		Message repliedTo = message.getReplyToMessage();
		if (repliedTo == null || repliedTo.getMessageId().equals(message.getMessageThreadId())) {
			return null;
		}
		return MessagePairs.otherSideOf(message.getChatId(), repliedTo.getMessageId());
	}

	/** A message for a customer from outside their own conversation, such as a staff member's. */
	private void deliver(CustomerDelivery delivery) {
		deliver(delivery, null, null);
	}

	private void deliver(CustomerDelivery delivery, String key, String replyTo) {
		if (CHANNEL.equals(delivery.customer().channel())) {
			outbox.send(Long.parseLong(delivery.customer().externalId()), null, delivery.reply(), key, replyTo);
		}
		else {
			// a customer on another channel (the web chat): its adapter delivers
			events.publishEvent(delivery);
		}
	}

	/** Anyone in the staff group is staff; their button presses act on tickets. */
	private void onStaffButton(CallbackQuery query) {
		if (!StaffDesk.isStaffButton(query.getData())) {
			outbox.answerCallback(query.getMessage().getChatId(), query.getId(), null);
			return;
		}
		StaffAction action = staff.pressed(query.getData(), staffMember(query.getFrom()));
		outbox.answerCallback(query.getMessage().getChatId(), query.getId(), action.notice());
		Optional.ofNullable(action.delivery()).ifPresent(this::deliver);
	}

	private boolean isStaffGroup(Long chatId) {
		return chatId != null && chatId.equals(settings.staffChatId());
	}

	/**
	 * Who wrote a message in the staff group: a person, or an admin posting anonymously (as the group, signed with
	 * their title if they have one). Bots, the bot itself included, are not staff.
	 */
	private static Optional<StaffMember> staffMember(Message message) {
		if (message.getSenderChat() != null && message.getSenderChat().getId().equals(message.getChatId())) {
			String signature = Inbound.storable(message.getAuthorSignature());
			String name = signature.isBlank() ? "Staff" : signature;
			return Optional.of(new StaffMember(CHANNEL + ":anonymous:" + name, name));
		}
		User from = message.getFrom();
		if (from == null || Boolean.TRUE.equals(from.getIsBot()) || message.getSenderChat() != null) {
			return Optional.empty();
		}
		return Optional.of(staffMember(from));
	}

	private static StaffMember staffMember(User user) {
		if (user == null) {
			return new StaffMember(CHANNEL + ":unknown", "Staff");
		}
		String name = Stream.of(user.getFirstName(), user.getUserName())
			.map(Inbound::storable)
			.filter(known -> !known.isBlank())
			.findFirst()
			.orElse("Staff " + user.getId());
		return new StaffMember(CHANNEL + ":" + user.getId(), name);
	}

	private void onMembership(ChatMemberUpdated change) {
		if (change.getChat() == null || !change.getChat().isUserChat() || change.getNewChatMember() == null) {
			return;
		}
		String status = change.getNewChatMember().getStatus();
		boolean blocked = "kicked".equals(status);
		conversations.blocked(CHANNEL, String.valueOf(change.getChat().getId()), blocked);
		log.info("Customer in chat {} {} the bot", change.getChat().getId(), blocked ? "blocked" : "unblocked");
	}

	private void send(long chatId, List<Reply> replies) {
		replies.forEach(reply -> outbox.send(chatId, reply));
	}

	private static CustomerProfile profile(long chatId, User user) {
		return new CustomerProfile(CHANNEL, String.valueOf(chatId), user == null ? null : user.getFirstName(),
				user == null ? null : user.getUserName());
	}

	private static String describe(Update update) {
		if (update.hasEditedMessage()) {
			return "edited message";
		}
		if (update.hasChannelPost() || update.hasEditedChannelPost()) {
			return "channel post";
		}
		if (update.hasMessage()) {
			return "message in a " + update.getMessage().getChat().getType() + " chat";
		}
		return "of a kind the bot does not use";
	}
}
