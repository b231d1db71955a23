package frontdesk.telegram;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Pairs of messages: a customer's message and its copy in their staff topic, a staff member's message and the copy
 * the customer got. Each copy is sent under a key naming its original, so an edit can follow the original and a
 * reply to either side can be threaded on the other.
 */
@Component
class MessagePairs {

	private static final String COPY_OF = "copy:";

	private static final String OTHER_SIDE_OF = "pair:";

	private static final String MESSAGE = "id:";

	private final SentMessageRepository sent;

	MessagePairs(SentMessageRepository sent) {
		this.sent = sent;
	}

	/** The key the copy of a message is sent under. */
	static String copyOf(long chatId, long messageId) {
		return COPY_OF + chatId + ":" + messageId;
	}

	/** The start of the keys of the copies of a chat's messages, {@link #copyOf} them all. */
	static String copiesFrom(long chatId) {
		return COPY_OF + chatId + ":";
	}

	/** Whether the key names the copy of a message, which is never edited or replied to by key. */
	static boolean isCopy(String key) {
		return key != null && key.startsWith(COPY_OF);
	}

	/** A reference, to be found later, to the other side of a pair: the copy of a message, or its original. */
	static String otherSideOf(long chatId, long messageId) {
		return OTHER_SIDE_OF + chatId + ":" + messageId;
	}

	/** A key for a message known by its id in the chat, such as one whose button was pressed. */
	static String message(int messageId) {
		return MESSAGE + messageId;
	}

	/** Remembers what a key's message is called in Telegram. */
	void sent(String key, long chatId, long messageId, Instant at) {
		sent.save(new SentMessage(key, chatId, messageId, at));
	}

	boolean exists(String key) {
		return sent.findById(key).isPresent();
	}

	/**
	 * The message in a chat that a key or reference names.
	 * @return its id, or empty while it is not sent (or it never was)
	 */
	Optional<Integer> find(String keyOrReference, long chatId) {
		if (keyOrReference.startsWith(MESSAGE)) {
			return Optional.of(Integer.valueOf(keyOrReference.substring(MESSAGE.length())));
		}
		if (!keyOrReference.startsWith(OTHER_SIDE_OF)) {
			return sent.findById(keyOrReference).filter(message -> message.chatId() == chatId).map(SentMessage::messageId);
		}
		String[] parts = keyOrReference.substring(OTHER_SIDE_OF.length()).split(":");
		long originChat = Long.parseLong(parts[0]);
		long originMessage = Long.parseLong(parts[1]);
		Optional<Integer> copy = find(copyOf(originChat, originMessage), chatId);
		if (copy.isPresent()) {
			return copy;
		}
		// the message is itself a copy: its original is the other side
		return sent.findByChatIdAndMessageId(originChat, originMessage)
			.stream()
			.map(SentMessage::key)
			.filter(MessagePairs::isCopy)
			.map(key -> key.substring(COPY_OF.length()).split(":"))
			.filter(original -> Long.parseLong(original[0]) == chatId)
			.map(original -> Integer.valueOf(original[1]))
			.findFirst();
	}
}
