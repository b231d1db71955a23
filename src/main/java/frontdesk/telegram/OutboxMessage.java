package frontdesk.telegram;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import frontdesk.text.Cut;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A request to Telegram waiting to be sent, or the record that it was. Stored in the same transaction as what caused
 * it, so no reply is lost to a crash; messages to one chat go out in order.
 */
@Entity
@Table(name = "telegram_outbox")
class OutboxMessage {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long chatId;

	@Enumerated(EnumType.STRING)
	private Kind kind;

	private String text;

	/** Buttons as JSON: a list of {@code [label, data]} pairs, one per row. */
	private String buttons;

	private String callbackQueryId;

	/** The topic of a group message, if any. */
	private Integer messageThreadId;

	/** Names a sent message so it can be edited later; for an edit, the message to edit. */
	private String messageKey;

	/** The key of the message this one replies to, if any. */
	private String replyToKey;

	/** For a copy: the chat and message copied. */
	private Long fromChatId;

	private Integer fromMessageId;

	@Enumerated(EnumType.STRING)
	private Status status;

	private int attempts;

	private Instant nextAttemptAt;

	private Instant createdAt;

	private Instant sentAt;

	private String lastError;

	private Long telegramMessageId;

	protected OutboxMessage() {
	}

	private OutboxMessage(long chatId, Kind kind, Instant now) {
		this.chatId = chatId;
		this.kind = kind;
		this.status = Status.PENDING;
		this.createdAt = now;
		this.nextAttemptAt = now;
	}

	/**
	 * A message, in a topic of a group if a thread is given.
	 * @param key names it, so it can be edited or found later
	 * @param replyToKey the key of (or a {@link MessagePairs} reference to) the message it replies to
	 */
	static OutboxMessage text(long chatId, Integer threadId, String text, String buttons, String key,
			String replyToKey, Instant now) {
		OutboxMessage message = new OutboxMessage(chatId, Kind.SEND_MESSAGE, now);
		message.messageThreadId = threadId;
		message.text = text;
		message.buttons = buttons;
		message.messageKey = key;
		message.replyToKey = replyToKey;
		return message;
	}

	/** A copy of a message, paired with it; the text, if any, replaces its caption. */
	static OutboxMessage copy(long chatId, Integer threadId, long fromChatId, int fromMessageId, String caption,
			String replyToKey, Instant now) {
		OutboxMessage message = new OutboxMessage(chatId, Kind.COPY_MESSAGE, now);
		message.messageThreadId = threadId;
		message.fromChatId = fromChatId;
		message.fromMessageId = fromMessageId;
		message.text = caption;
		message.messageKey = MessagePairs.copyOf(fromChatId, fromMessageId);
		message.replyToKey = replyToKey;
		return message;
	}

	/** Replaces the text and buttons of the message sent with the given key. */
	static OutboxMessage edit(long chatId, String key, String text, String buttons, Instant now) {
		OutboxMessage message = new OutboxMessage(chatId, Kind.EDIT_MESSAGE, now);
		message.messageKey = key;
		message.text = text;
		message.buttons = buttons;
		return message;
	}

	static OutboxMessage callbackAnswer(long chatId, String callbackQueryId, String notice, Instant now) {
		OutboxMessage message = new OutboxMessage(chatId, Kind.ANSWER_CALLBACK, now);
		message.callbackQueryId = callbackQueryId;
		message.text = notice;
		return message;
	}

	/**
	 * The same request for another topic of the group, as a new message queued now: for a post whose topic was deleted,
	 * to go into the topic that replaces it.
	 */
	OutboxMessage movedTo(int threadId, Instant now) {
		OutboxMessage moved = new OutboxMessage(chatId, kind, now);
		moved.messageThreadId = threadId;
		moved.text = text;
		moved.buttons = buttons;
		moved.callbackQueryId = callbackQueryId;
		moved.messageKey = messageKey;
		moved.replyToKey = replyToKey;
		moved.fromChatId = fromChatId;
		moved.fromMessageId = fromMessageId;
		return moved;
	}

	void sent(Long telegramMessageId, Instant now) {
		this.status = Status.SENT;
		this.attempts++;
		this.sentAt = now;
		this.telegramMessageId = telegramMessageId;
	}

	void retryAt(Instant when, String error) {
		this.attempts++;
		this.nextAttemptAt = when;
		this.lastError = limit(error);
	}

	void giveUp(String error) {
		this.status = Status.FAILED;
		this.lastError = limit(error);
	}

	/**
	 * A plain line in a topic (no buttons, no reply, never edited), which may go out with the next ones; a line that
	 * copies a customer's message stays paired with the message it went out in.
	 */
	boolean mergeable() {
		return kind == Kind.SEND_MESSAGE && messageThreadId != null && buttons == null
				&& (messageKey == null || MessagePairs.isCopy(messageKey)) && replyToKey == null && text != null;
	}

	/**
	 * Messages to one chat go out in order. Callback answers belong to no such order, and neither do edits: an edit
	 * waits for its message, and only the latest edit of a message counts.
	 */
	boolean ordered() {
		return !UNORDERED.contains(kind);
	}

	/**
	 * Whether a customer was meant to read it in their private chat: a text or a copy; not an edit of an earlier
	 * message, nor the answer to a button press, nor a post in a group.
	 */
	boolean forCustomer() {
		return chatId > 0 && (kind == Kind.SEND_MESSAGE || kind == Kind.COPY_MESSAGE);
	}

	static final Set<Kind> UNORDERED = EnumSet.of(Kind.ANSWER_CALLBACK, Kind.EDIT_MESSAGE);

	Duration age(Instant now) {
		return Duration.between(createdAt, now);
	}

	Long id() {
		return id;
	}

	long chatId() {
		return chatId;
	}

	Kind kind() {
		return kind;
	}

	String text() {
		return text;
	}

	String buttons() {
		return buttons;
	}

	String callbackQueryId() {
		return callbackQueryId;
	}

	Integer messageThreadId() {
		return messageThreadId;
	}

	String messageKey() {
		return messageKey;
	}

	String replyToKey() {
		return replyToKey;
	}

	Long fromChatId() {
		return fromChatId;
	}

	Integer fromMessageId() {
		return fromMessageId;
	}

	Long telegramMessageId() {
		return telegramMessageId;
	}

	Status status() {
		return status;
	}

	int attempts() {
		return attempts;
	}

	Instant nextAttemptAt() {
		return nextAttemptAt;
	}

	String lastError() {
		return lastError;
	}

	private static String limit(String error) {
		return error == null ? null : Cut.toLength(error, 1000);
	}

	enum Kind {
		SEND_MESSAGE, COPY_MESSAGE, EDIT_MESSAGE, ANSWER_CALLBACK
	}

	enum Status {
		PENDING, SENT, FAILED
	}
}
