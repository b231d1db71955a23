package frontdesk.telegram;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.interfaces.BotApiObject;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.MessageId;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

import frontdesk.conversation.ConversationService;
import frontdesk.text.Cut;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Limit;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox: the oldest pending message of each chat goes out when the pacer allows, on a few sender threads,
 * never two at once to the same chat, so each chat gets its messages in order. Failures are retried as
 * {@link RetryPolicy} says. What is still pending at shutdown goes out after the next start.
 */
class OutboxSender implements SmartLifecycle {

	/** Lifecycle phase: the sender starts before and stops after the polling. */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1;

	/** Telegram's longest message text. */
	static final int MAX_TEXT = 4096;

	/** Telegram's longest caption. */
	static final int MAX_CAPTION = 1024;

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	/** Requests looked at in one round, at most. */
	private static final int BATCH = 2_000;

	/** Queued requests of the chat looked at for lines to send together. */
	private static final int MERGED_AT_MOST = 200;

	/** The most characters Telegram shows in a button's passing answer. */
	private static final int CALLBACK_NOTICE = 200;

	/** Requests handed to the sender threads and not finished yet. */
	private static final int MAX_IN_FLIGHT = 256;

	private static final Duration IDLE_LOOK = Duration.ofSeconds(1);

	private static final Duration MIN_LOOK = Duration.ofMillis(10);

	private final OutboxRepository outbox;

	private final MessagePairs pairs;

	private final BotApi api;

	private final ConversationService conversations;

	private final DeletedTopics deletedTopics;

	private final TelegramSettings.OutboxSettings settings;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final Pacer pacer;

	private final RetryPolicy policy;

	/** Chats with a message being sent (dispatcher thread only). */
	private final Set<Long> busyChats = new HashSet<>();

	/** Messages being sent (dispatcher thread only). */
	private final Set<Long> inFlight = new HashSet<>();

	/** Messages with an edit being sent (dispatcher thread only): a later edit waits, so the latest is the last. */
	private final Set<String> beingEdited = new HashSet<>();

	/** Messages whose sending is over (sent, to be retried, or given up), to be let go by the dispatcher. */
	private final Queue<OutboxMessage> finished = new ConcurrentLinkedQueue<>();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition wakeUp = lock.newCondition();

	private boolean woken;

	private volatile boolean running;

	private ExecutorService senders;

	private Thread dispatcher;

	OutboxSender(OutboxRepository outbox, MessagePairs pairs, BotApi api, ConversationService conversations,
			DeletedTopics deletedTopics, TelegramSettings.OutboxSettings settings, Clock clock,
			PlatformTransactionManager transactionManager) {
		this.outbox = outbox;
		this.pairs = pairs;
		this.api = api;
		this.conversations = conversations;
		this.deletedTopics = deletedTopics;
		this.settings = settings;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.pacer = new Pacer(settings, System::nanoTime);
		this.policy = new RetryPolicy(settings.maxBackoff(), settings.giveUpAfter());
	}

	@Override
	public synchronized void start() {
		if (running) {
			return;
		}
		running = true;
		senders = Executors.newFixedThreadPool(settings.senders(), TelegramConfiguration.daemonThreads("telegram-sender"));
		dispatcher = new Thread(this::dispatchLoop, "telegram-outbox");
		dispatcher.setDaemon(true);
		dispatcher.start();
	}

	@Override
	public synchronized void stop() {
		if (!running) {
			return;
		}
		running = false;
		wake();
		try {
			dispatcher.join(5_000);
			senders.shutdown();
			if (!senders.awaitTermination(10, TimeUnit.SECONDS)) {
				senders.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	void wake() {
		lock.lock();
		try {
			woken = true;
			wakeUp.signalAll();
		}
		finally {
			lock.unlock();
		}
	}

	private void dispatchLoop() {
		while (running) {
			Instant next;
			try {
				next = dispatch();
			}
			catch (RuntimeException ex) {
				log.error("Could not read the outbox; trying again shortly", ex);
				next = clock.instant().plus(IDLE_LOOK);
			}
			await(next);
		}
	}

	/**
	 * Starts sending whatever may go out now.
	 * @return when to look again at the latest
	 */
	private Instant dispatch() {
		// only now, before reading, are finished messages let go: a read from before their result was stored
		// would still show them pending
		for (OutboxMessage done = finished.poll(); done != null; done = finished.poll()) {
			inFlight.remove(done.id());
			beingEdited.remove(edited(done));
			if (done.ordered()) {
				busyChats.remove(done.chatId());
			}
		}
		Instant now = clock.instant();
		Instant next = now.plus(IDLE_LOOK);
		for (OutboxMessage message : transactions.execute(status -> outbox.findNextToSend(BATCH))) {
			String edited = edited(message);
			boolean busy = inFlight.contains(message.id()) || (message.ordered() && busyChats.contains(message.chatId()))
					|| (edited != null && beingEdited.contains(edited));
			if (busy) {
				continue;
			}
			// only a retry waits for its time: a message not yet tried goes now, even if the clock was put back since
			// it was queued, which would otherwise hold it and its chat's later messages up by as much
			if (message.attempts() > 0 && message.nextAttemptAt().isAfter(now)) {
				next = earliest(next, message.nextAttemptAt());
				continue;
			}
			Duration wait = inFlight.size() >= MAX_IN_FLIGHT ? MIN_LOOK
					: pacer.tryAcquire(message);
			if (!wait.isZero()) {
				next = earliest(next, now.plus(wait.compareTo(MIN_LOOK) < 0 ? MIN_LOOK : wait));
				continue;
			}
			inFlight.add(message.id());
			if (edited != null) {
				beingEdited.add(edited);
			}
			if (message.ordered()) {
				busyChats.add(message.chatId());
			}
			List<OutboxMessage> followers = message.mergeable() ? mergeableAfter(message) : List.of();
			senders.execute(() -> deliver(message, followers));
		}
		return next;
	}

	/**
	 * Plain lines queued for the same topic after the given one (up to anything else for that topic): sent with it as
	 * one message, so a burst of customer messages stays within the group's limit of about 20 messages a minute.
	 */
	private List<OutboxMessage> mergeableAfter(OutboxMessage head) {
		List<OutboxMessage> followers = new java.util.ArrayList<>();
		int length = head.text().length();
		List<OutboxMessage> next = transactions.execute(status -> outbox.findByChatIdAndStatusAndIdGreaterThanOrderById(
				head.chatId(), OutboxMessage.Status.PENDING, head.id(), Limit.of(MERGED_AT_MOST)));
		for (OutboxMessage follower : next) {
			if (!follower.ordered() || !head.messageThreadId().equals(follower.messageThreadId())) {
				// another topic's (or no topic's) message: their order against this topic does not matter
				continue;
			}
			length += follower.text() == null ? 0 : follower.text().length() + 1;
			if (!follower.mergeable() || length > MAX_TEXT) {
				break;
			}
			followers.add(follower);
		}
		return followers;
	}

	private void deliver(OutboxMessage message, List<OutboxMessage> followers) {
		try {
			if (superseded(message)) {
				update(message, stored -> stored.sent(null, clock.instant()));
				return;
			}
			Serializable result;
			try {
				result = api.execute(request(message, followers));
			}
			catch (TelegramApiException ex) {
				failed(message, ex);
				return;
			}
			catch (DataAccessException | TransactionException ex) {
				// what the request needs (the message a reply answers, say) could not be read for now
				log.warn("Could not prepare outbox message {} for chat {} ({}); {}", message.id(), message.chatId(),
						ex.getMessage(), laterOrGiveUp(message, ex.toString(), ex.toString(), clock.instant()));
				return;
			}
			catch (RuntimeException ex) {
				// the request could not even be made: trying again would not help
				log.error("Could not send outbox message {} to chat {}", message.id(), message.chatId(), ex);
				markGivenUp(message, ex.toString(), ex.toString());
				return;
			}
			Long messageId = result instanceof Message sentMessage ? Long.valueOf(sentMessage.getMessageId())
					: result instanceof MessageId copy ? copy.getMessageId() : null;
			Instant now = clock.instant();
			transactions.executeWithoutResult(status -> {
				for (OutboxMessage sent : concat(message, followers)) {
					// a request forgotten meanwhile (its customer was) leaves no trace
					outbox.findById(sent.id()).ifPresent(stored -> {
						stored.sent(messageId, now);
						if (messageId != null && sent.messageKey() != null
								&& sent.kind() != OutboxMessage.Kind.EDIT_MESSAGE) {
							pairs.sent(sent.messageKey(), sent.chatId(), messageId, now);
						}
					});
				}
			});
		}
		catch (RuntimeException ex) {
			log.error("Could not record the result of outbox message {}; it may be sent again", message.id(), ex);
		}
		finally {
			finished.add(message);
			wake();
		}
	}

	private void failed(OutboxMessage message, TelegramApiException error) {
		Instant now = clock.instant();
		RetryPolicy.Decision decision = policy.decide(error, message.attempts() + 1, message.age(now), now,
				Pacer.isGroup(message.chatId()));
		String description = error.getMessage();
		switch (decision.outcome()) {
			case RETRY -> {
				log.warn("Sending to chat {} failed ({}); retrying at {}", message.chatId(), description,
						decision.retryAt());
				update(message, stored -> stored.retryAt(decision.retryAt(), description));
			}
			case BLOCKED -> {
				log.warn("Chat {} does not accept messages from the bot ({}); its pending messages are dropped",
						message.chatId(), description);
				transactions.executeWithoutResult(status -> {
					outbox.findById(message.id()).ifPresent(stored -> stored.giveUp(description));
					outbox.giveUpOnChat(message.chatId(), "chat blocked the bot");
					conversations.blocked(UpdateHandler.CHANNEL, String.valueOf(message.chatId()), true);
				});
			}
			case TOPIC_DELETED -> moveFromDeletedTopic(message, description, reason(error), now);
			case UNCHANGED -> {
				log.debug("Chat {} already shows what outbox message {} would change", message.chatId(), message.id());
				update(message, stored -> stored.sent(null, now));
			}
			case REJECTED, GAVE_UP -> giveUp(message, description, reason(error));
		}
	}

	/** Its topic was deleted: the message, with the others for that topic, goes to the customer's new topic. */
	private void moveFromDeletedTopic(OutboxMessage message, String description, String reason, Instant now) {
		try {
			if (Boolean.TRUE.equals(transactions.execute(status -> deletedTopics.moveFrom(message, description)))) {
				log.warn("Topic {} of chat {} was deleted; its pending messages go to the customer's new topic",
						message.messageThreadId(), message.chatId());
			}
			else {
				giveUp(message, description, reason);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not give the customer of deleted topic {} of chat {} a new one ({}); {}",
					message.messageThreadId(), message.chatId(), ex.getMessage(),
					laterOrGiveUp(message, description, reason, now));
		}
	}

	/**
	 * Tries the message again after a backoff, or gives it up once it would be too old.
	 * @return which, as a log line says it
	 */
	private String laterOrGiveUp(OutboxMessage message, String description, String reason, Instant now) {
		RetryPolicy.Decision later = policy.later(message.attempts() + 1, message.age(now), now);
		if (later.retryAt() == null) {
			markGivenUp(message, description, reason);
			return "giving up";
		}
		update(message, stored -> stored.retryAt(later.retryAt(), description));
		return "trying again at " + later.retryAt();
	}

	private void giveUp(OutboxMessage message, String description, String reason) {
		log.error("Gave up sending outbox message {} to chat {}: {}", message.id(), message.chatId(), description);
		markGivenUp(message, description, reason);
	}

	/**
	 * The message will not be sent. A message a customer was meant to read is announced, so the staff learn that it
	 * did not reach them; only a message still pending is given up, so each is announced once.
	 * @param reason why, for the staff to read
	 */
	private void markGivenUp(OutboxMessage message, String description, String reason) {
		transactions.executeWithoutResult(status -> outbox.findById(message.id())
			.filter(stored -> stored.status() == OutboxMessage.Status.PENDING)
			.ifPresent(stored -> {
				stored.giveUp(description);
				if (stored.forCustomer()) {
					conversations.deliveryFailed(UpdateHandler.CHANNEL, String.valueOf(stored.chatId()), stored.text(),
							stored.kind() == OutboxMessage.Kind.COPY_MESSAGE, reason);
				}
			}));
	}

	/** What Telegram said, as people read it: its description of the error when it gave one. */
	private static String reason(TelegramApiException error) {
		String description = RetryPolicy.description(error);
		return description != null ? description : error.getMessage();
	}

	private void update(OutboxMessage message, java.util.function.Consumer<OutboxMessage> change) {
		transactions.executeWithoutResult(status -> outbox.findById(message.id()).ifPresent(change));
	}

	private static List<OutboxMessage> concat(OutboxMessage head, List<OutboxMessage> followers) {
		List<OutboxMessage> all = new java.util.ArrayList<>(followers.size() + 1);
		all.add(head);
		all.addAll(followers);
		return all;
	}

	private BotApiMethod<? extends Serializable> request(OutboxMessage message, List<OutboxMessage> followers)
			throws TelegramApiException {
		Integer replyTo = message.replyToKey() == null ? null : sentMessageId(message.replyToKey(), message.chatId());
		return switch (message.kind()) {
			case SEND_MESSAGE -> SendMessage.builder()
				.chatId(message.chatId())
				.messageThreadId(message.messageThreadId())
				.replyToMessageId(replyTo)
				.allowSendingWithoutReply(replyTo == null ? null : true)
				.text(limit(followers.isEmpty() ? message.text() : message.text() + "\n"
						+ String.join("\n", followers.stream().map(OutboxMessage::text).toList())))
				.replyMarkup(keyboard(message.buttons()))
				.build();
			case COPY_MESSAGE -> CopyMessage.builder()
				.chatId(message.chatId())
				.messageThreadId(message.messageThreadId())
				.fromChatId(message.fromChatId())
				.messageId(message.fromMessageId())
				.caption(message.text() == null ? null : Cut.shorten(message.text(), MAX_CAPTION))
				.replyToMessageId(replyTo)
				.allowSendingWithoutReply(replyTo == null ? null : true)
				.build();
			case EDIT_MESSAGE -> {
				Integer edited = sentMessageId(message.messageKey(), message.chatId());
				if (edited == null && stillToGoOut(message)) {
					// the message is still on its way; the edit is tried again after it
					throw new TelegramApiException("The message " + message.messageKey() + " to edit is not sent yet");
				}
				if (edited == null) {
					throw new TelegramApiValidationException("The message " + message.messageKey()
							+ " to edit was never sent (it was given up), so neither is the edit", (BotApiObject) null);
				}
				yield EditMessageText.builder()
					.chatId(message.chatId())
					.messageId(edited)
					.text(limit(message.text()))
					.replyMarkup(keyboard(message.buttons()))
					.build();
			}
			case ANSWER_CALLBACK -> AnswerCallbackQuery.builder()
				.callbackQueryId(message.callbackQueryId())
				.text(message.text() == null ? null : Cut.shorten(message.text(), CALLBACK_NOTICE))
				.build();
		};
	}

	/** The message an edit changes, or {@code null} for a request that is not an edit. */
	private static String edited(OutboxMessage message) {
		return message.kind() == OutboxMessage.Kind.EDIT_MESSAGE ? message.chatId() + "/" + message.messageKey() : null;
	}

	/** An edit with a later edit of the same message need not be sent: the later one shows what is true now. */
	private boolean superseded(OutboxMessage message) {
		return message.kind() == OutboxMessage.Kind.EDIT_MESSAGE && Boolean.TRUE.equals(transactions.execute(status -> outbox
			.existsByChatIdAndMessageKeyAndKindAndIdGreaterThan(message.chatId(), message.messageKey(),
				OutboxMessage.Kind.EDIT_MESSAGE, message.id())));
	}

	/** Whether the message an edit changes is still queued, to be sent before the edit can be. */
	private boolean stillToGoOut(OutboxMessage edit) {
		return Boolean.TRUE.equals(transactions.execute(status -> outbox.existsByChatIdAndMessageKeyAndKindNotAndStatus(
				edit.chatId(), edit.messageKey(), OutboxMessage.Kind.EDIT_MESSAGE, OutboxMessage.Status.PENDING)));
	}

	/** Telegram's id of the message in the chat that the key names, or {@code null} if there is none (yet). */
	private Integer sentMessageId(String key, long chatId) {
		return transactions.execute(status -> pairs.find(key, chatId).orElse(null));
	}

	private static InlineKeyboardMarkup keyboard(String buttons) {
		List<InlineKeyboardRow> rows = Outbox.rows(buttons)
			.stream()
			.map(row -> new InlineKeyboardRow(row.stream()
				.map(button -> InlineKeyboardButton.builder().text(button.label()).callbackData(button.data()).build())
				.toList()))
			.toList();
		return rows.isEmpty() ? null : InlineKeyboardMarkup.builder().keyboard(rows).build();
	}

	private static String limit(String text) {
		return Cut.shorten(text, MAX_TEXT);
	}

	private static Instant earliest(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private void await(Instant until) {
		lock.lock();
		try {
			long waitMillis = Duration.between(clock.instant(), until).toMillis();
			if (!woken && running && waitMillis > 0) {
				wakeUp.await(waitMillis, TimeUnit.MILLISECONDS);
			}
			woken = false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running = false;
		}
		finally {
			lock.unlock();
		}
	}
}
