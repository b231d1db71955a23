package frontdesk.intent;

import java.util.EnumMap;
import java.util.Map;

/**
 * The bot's own texts: the built-in defaults, overridden by {@code messages.yml}.
 */
public final class Messages {

	private final Map<MessageKey, String> texts;

	Messages(Map<MessageKey, String> overrides) {
		this.texts = new EnumMap<>(MessageKey.class);
		for (MessageKey key : MessageKey.values()) {
			this.texts.put(key, overrides.getOrDefault(key, key.defaultText()));
		}
	}

	static Messages defaults() {
		return new Messages(Map.of());
	}

	/** The text for the key, placeholders not yet filled in. */
	public String get(MessageKey key) {
		return texts.get(key);
	}
}
