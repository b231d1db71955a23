package frontdesk.telegram;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import frontdesk.conversation.Reply;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues requests to Telegram in the caller's transaction; {@link OutboxSender} sends them once it commits.
 */
@Component
class Outbox {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final OutboxRepository messages;

	private final OutboxSender sender;

	private final Clock clock;

	Outbox(OutboxRepository messages, OutboxSender sender, Clock clock) {
		this.messages = messages;
		this.sender = sender;
		this.clock = clock;
	}

	void send(long chatId, Reply reply) {
		messages.save(OutboxMessage.text(chatId, reply.text(), encode(reply.buttons()), clock.instant()));
		wakeSenderAfterCommit();
	}

	void sendToTopic(long chatId, int threadId, Reply reply, String key) {
		messages.save(OutboxMessage.toTopic(chatId, threadId, reply.text(), encode(reply.buttons()), key, clock.instant()));
		wakeSenderAfterCommit();
	}

	/** A message into a topic of a group, replying to the message sent with the given key. */
	void replyInTopic(long chatId, int threadId, String toKey, Reply reply) {
		messages.save(OutboxMessage.toTopic(chatId, threadId, reply.text(), encode(reply.buttons()), null, clock.instant())
			.replyingTo(toKey));
		wakeSenderAfterCommit();
	}

	/** Copies a message (a staff member's photo, say) into a chat. */
	void copy(long chatId, long fromChatId, int messageId) {
		messages.save(OutboxMessage.copy(chatId, null, fromChatId, messageId, clock.instant()));
		wakeSenderAfterCommit();
	}

	/** Copies a message (a customer's photo, say) into a topic of a group. */
	void copyToTopic(long chatId, int threadId, long fromChatId, int messageId) {
		messages.save(OutboxMessage.copy(chatId, threadId, fromChatId, messageId, clock.instant()));
		wakeSenderAfterCommit();
	}

	/** Edits the message sent with the given key; it goes out after that message, as the two share a chat. */
	void edit(long chatId, String key, Reply reply) {
		messages.save(OutboxMessage.edit(chatId, key, reply.text(), encode(reply.buttons()), clock.instant()));
		wakeSenderAfterCommit();
	}

	/** Answers a button press, so the customer's client stops waiting; with a short note if there is one. */
	void answerCallback(long chatId, String callbackQueryId, String notice) {
		messages.save(OutboxMessage.callbackAnswer(chatId, callbackQueryId, notice, clock.instant()));
		wakeSenderAfterCommit();
	}

	/** The sender looks once the transaction commits (before that, the new rows cannot be seen). */
	private void wakeSenderAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					sender.wake();
				}
			});
		}
		else {
			sender.wake();
		}
	}

	static String encode(List<Reply.Button> buttons) {
		if (buttons.isEmpty()) {
			return null;
		}
		try {
			return JSON.writeValueAsString(buttons.stream().map(button -> List.of(button.label(), button.data())).toList());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<Reply.Button> decode(String buttons) {
		if (buttons == null) {
			return List.of();
		}
		try {
			String[][] pairs = JSON.readValue(buttons, String[][].class);
			return java.util.Arrays.stream(pairs).map(pair -> new Reply.Button(pair[0], pair[1])).toList();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
