package frontdesk.telegram;

import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import frontdesk.conversation.CustomerDelivery;
import frontdesk.conversation.Reply;
import frontdesk.text.Cut;

import org.springframework.context.event.EventListener;
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

	private final MessagePairs pairs;

	private final Clock clock;

	Outbox(OutboxRepository messages, OutboxSender sender, MessagePairs pairs, Clock clock) {
		this.messages = messages;
		this.sender = sender;
		this.pairs = pairs;
		this.clock = clock;
	}

	void send(long chatId, Reply reply) {
		send(chatId, null, reply, null, null);
	}

	/**
	 * Queues a message; a text longer than Telegram takes goes out in parts, the buttons under the last.
	 * @param threadId the topic of a group, or {@code null}
	 * @param key names the message (its first part), so it can be edited or found later; may be {@code null}
	 * @param replyTo the key of the message this one replies to, or a {@link MessagePairs} reference; may be
	 * {@code null}
	 */
	void send(long chatId, Integer threadId, Reply reply, String key, String replyTo) {
		List<String> parts = parts(reply.text());
		for (int i = 0; i < parts.size(); i++) {
			boolean last = i == parts.size() - 1;
			messages.save(OutboxMessage.text(chatId, threadId, parts.get(i), last ? encode(reply) : null,
					i == 0 ? key : null, i == 0 ? replyTo : null, clock.instant()));
		}
		wakeSenderAfterCommit();
	}

	/**
	 * Copies a message (a customer's photo into their topic, a staff member's to the customer), paired with it.
	 * @param caption replaces the message's caption, or {@code null} to keep it
	 */
	void copy(long chatId, Integer threadId, long fromChatId, int messageId, String caption, String replyTo) {
		messages.save(OutboxMessage.copy(chatId, threadId, fromChatId, messageId, caption, replyTo, clock.instant()));
		wakeSenderAfterCommit();
	}

	/** Edits the message sent with the given key; it goes out after that message, as the two share a chat. */
	void edit(long chatId, String key, Reply reply) {
		messages.save(OutboxMessage.edit(chatId, key, reply.text(), encode(reply), clock.instant()));
		wakeSenderAfterCommit();
	}

	/** Whether the message with the key was sent. */
	boolean sent(String key) {
		return pairs.exists(key);
	}

	/**
	 * Forgets requests, waiting or sent, with what they said: those for some topics of a group, and those made under
	 * some keys (the posts and their edits) anywhere.
	 */
	void forgetPosts(long chatId, List<Integer> topicIds, List<String> keys) {
		if (!topicIds.isEmpty()) {
			messages.deleteByChatIdAndThreadIdIn(chatId, topicIds);
		}
		if (!keys.isEmpty()) {
			messages.deleteByMessageKeyIn(keys);
		}
	}

	/** Whether a message with the key is queued, or was sent. */
	boolean knows(String key) {
		return messages.existsByMessageKey(key) || pairs.exists(key);
	}

	/** Answers a button press, so the customer's client stops waiting; with a short note if there is one. */
	void answerCallback(long chatId, String callbackQueryId, String notice) {
		messages.save(OutboxMessage.callbackAnswer(chatId, callbackQueryId, notice, clock.instant()));
		wakeSenderAfterCommit();
	}

	/** A message for a Telegram customer from outside a conversation's turn, such as the goodbye of a quiet one. */
	@EventListener
	void on(CustomerDelivery delivery) {
		if (UpdateHandler.CHANNEL.equals(delivery.customer().channel())) {
			send(Long.parseLong(delivery.customer().externalId()), delivery.reply());
		}
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

	/** A text in parts Telegram takes, cut at a line break or a space where there is one. */
	static List<String> parts(String text) {
		List<String> parts = new java.util.ArrayList<>();
		String rest = text;
		while (rest.length() > OutboxSender.MAX_TEXT) {
			int cut = rest.lastIndexOf('\n', OutboxSender.MAX_TEXT);
			if (cut < OutboxSender.MAX_TEXT / 2) {
				cut = rest.lastIndexOf(' ', OutboxSender.MAX_TEXT);
			}
			if (cut < OutboxSender.MAX_TEXT / 2) {
				cut = Cut.at(rest, OutboxSender.MAX_TEXT);
			}
			parts.add(rest.substring(0, cut).stripTrailing());
			rest = rest.substring(cut).stripLeading();
		}
		parts.add(rest);
		return parts;
	}

	/**
	 * A reply's buttons as JSON: a list of {@code [label, data]} pairs, one per row, or for buttons in one row a list
	 * holding that row's list of pairs.
	 */
	static String encode(Reply reply) {
		if (reply.buttons().isEmpty()) {
			return null;
		}
		List<List<String>> pairs = reply.buttons().stream().map(button -> List.of(button.label(), button.data())).toList();
		try {
			return JSON.writeValueAsString(reply.oneRow() ? List.of(pairs) : pairs);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Rows of buttons, from {@link #encode}. */
	static List<List<Reply.Button>> rows(String buttons) {
		if (buttons == null) {
			return List.of();
		}
		try {
			JsonNode json = JSON.readTree(buttons);
			boolean oneRow = json.size() > 0 && json.get(0).size() > 0 && json.get(0).get(0).isArray();
			List<Reply.Button> row = new java.util.ArrayList<>();
			(oneRow ? json.get(0) : json).forEach(pair -> row.add(new Reply.Button(pair.get(0).asText(), pair.get(1).asText())));
			return oneRow ? List.of(row) : row.stream().map(List::of).toList();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
