package frontdesk.telegram;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A message the bot sent under a key, so it can be found again: to edit it, to reply to it, or to pair it with the
 * message it copies.
 */
@Entity
@Table(name = "telegram_sent_message")
class SentMessage {

	@Id
	@Column(name = "message_key")
	private String key;

	private long chatId;

	private long messageId;

	private Instant sentAt;

	protected SentMessage() {
	}

	SentMessage(String key, long chatId, long messageId, Instant sentAt) {
		this.key = key;
		this.chatId = chatId;
		this.messageId = messageId;
		this.sentAt = sentAt;
	}

	String key() {
		return key;
	}

	long chatId() {
		return chatId;
	}

	int messageId() {
		return Math.toIntExact(messageId);
	}
}
