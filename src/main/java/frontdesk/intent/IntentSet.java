package frontdesk.intent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated, immutable set of intents together with the bot's own texts, as loaded from one intents folder.
 */
public final class IntentSet {

	private final Map<String, Intent> intents;

	private final Messages messages;

	IntentSet(List<Intent> intents, Messages messages) {
		Map<String, Intent> byId = new LinkedHashMap<>();
		intents.forEach(intent -> byId.put(intent.id(), intent));
		this.intents = java.util.Collections.unmodifiableMap(byId);
		this.messages = messages;
	}

	/** All intents in file order (files sorted by name). */
	public List<Intent> intents() {
		return List.copyOf(intents.values());
	}

	public Optional<Intent> find(String id) {
		return Optional.ofNullable(id).map(intents::get);
	}

	/** The intent with this id, if customers may be offered it as a button (see {@link Intent#offerable()}). */
	public Optional<Intent> findOfferable(String id) {
		return find(id).filter(Intent::offerable);
	}

	/** The intent that has the phrasing among its examples, whatever its capitals, if one has. */
	public Optional<Intent> withExample(String phrasing) {
		return intents.values()
			.stream()
			.filter(intent -> intent.examples().stream().anyMatch(phrasing::equalsIgnoreCase))
			.findFirst();
	}

	public Messages messages() {
		return messages;
	}

	public int size() {
		return intents.size();
	}
}
