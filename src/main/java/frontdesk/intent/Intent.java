package frontdesk.intent;

import java.text.Normalizer;
import java.util.List;

/**
 * One thing customers ask about: the phrasings they use and what the bot does about it.
 *
 * @param id unique across all intent files
 * @param label the text shown on a button that asks for this intent
 * @param examples phrasings customers use, at least one
 * @param answers answer variants, one picked per reply; empty for intents with a built-in action
 * @param suggest ids of intents offered as follow-up buttons
 * @param action what the bot does when this intent is recognised
 */
public record Intent(String id, String label, List<String> examples, List<String> answers, List<String> suggest,
		Action action) {

	public Intent {
		examples = List.copyOf(examples);
		answers = List.copyOf(answers);
		suggest = List.copyOf(suggest);
	}

	/**
	 * Whether a text has something to match by: a letter or digit, of any script, once compatibility characters are
	 * unfolded (a full-width letter into the plain one, the trade mark sign into TM). The matchers read only words, so
	 * they drop an example without any, such as one of only emoji or punctuation, and nothing could ever match it.
	 */
	public static boolean hasWords(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKD).codePoints().anyMatch(Character::isLetterOrDigit);
	}

	/** Whether customers may be offered this intent as a button (it must not be out-of-scope). */
	public boolean offerable() {
		return action != Action.FALLBACK;
	}

	public enum Action {

		/** Reply with one of the answers. */
		ANSWER,

		/** Hand the conversation to a person. */
		HANDOFF,

		/** Close the conversation. */
		CLOSE,

		/** Say whether the business is open now and when it opens. */
		HOURS,

		/** Examples of what the bot must not try to answer. */
		FALLBACK;

		static Action parse(String value) {
			for (Action action : values()) {
				if (action.name().equalsIgnoreCase(value)) {
					return action;
				}
			}
			throw new IllegalArgumentException(value);
		}
	}
}
