package frontdesk.intent;

import java.util.EnumMap;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The bot's own texts: the built-in defaults, overridden by {@code messages.yml}.
 */
public final class Messages {

	private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());

	private final Map<MessageKey, String> texts;

	private final Locale locale;

	Messages(Map<MessageKey, String> overrides) {
		this.texts = new EnumMap<>(MessageKey.class);
		for (MessageKey key : MessageKey.values()) {
			this.texts.put(key, overrides.getOrDefault(key, key.defaultText()));
		}
		Locale language = locale(get(MessageKey.LANGUAGE));
		this.locale = (language != null) ? language : Locale.ENGLISH;
	}

	static Messages defaults() {
		return new Messages(Map.of());
	}

	/** The text for the key, placeholders not yet filled in. */
	public String get(MessageKey key) {
		return texts.get(key);
	}

	/** The language the texts are in ({@link MessageKey#LANGUAGE}). */
	public Locale locale() {
		return locale;
	}

	/**
	 * The language of a tag such as "de" or "pt-BR", or null when it is no such tag: not well formed, or (as "German"
	 * is) not of a language's two or three letters.
	 */
	static Locale locale(String tag) {
		try {
			Locale locale = new Locale.Builder().setLanguageTag(tag).build();
			String language = locale.getLanguage();
			boolean known = (language.length() == 2) ? ISO_LANGUAGES.contains(language) : language.length() == 3;
			return known ? locale : null;
		}
		catch (IllformedLocaleException ex) {
			return null;
		}
	}
}
