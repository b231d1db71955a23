package frontdesk.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import frontdesk.intent.Intent;
import frontdesk.intent.IntentCatalog;
import frontdesk.intent.IntentSet;
import frontdesk.intent.IntentsReloaded;

/**
 * The intents in force together with a matcher trained on them, replaced as one when the intent files change, so a
 * match never names an intent the set does not have.
 */
@Component
public class Understanding {

	private static final Logger log = LoggerFactory.getLogger(Understanding.class);

	private final MatcherFactory factory;

	private volatile Snapshot current;

	Understanding(IntentCatalog catalog, MatcherFactory factory) {
		this.factory = factory;
		this.current = train(catalog.current());
	}

	/** The intents and matcher in force now. */
	public Snapshot current() {
		return current;
	}

	@EventListener
	void on(IntentsReloaded reloaded) {
		current = train(reloaded.intents());
	}

	private Snapshot train(IntentSet intents) {
		long started = System.nanoTime();
		IntentMatcher matcher = factory.train(trainingSet(intents));
		log.debug("Trained the matcher on {} intents in {} ms", intents.size(), (System.nanoTime() - started) / 1_000_000);
		return new Snapshot(intents, matcher);
	}

	/** Examples per answerable intent; the examples of out-of-scope intents ({@code action: fallback}) as negatives. */
	public static TrainingSet trainingSet(IntentSet intents) {
		Map<String, List<String>> examples = new LinkedHashMap<>();
		List<String> outOfScope = new ArrayList<>();
		for (Intent intent : intents.intents()) {
			if (intent.offerable()) {
				examples.put(intent.id(), intent.examples());
			}
			else {
				outOfScope.addAll(intent.examples());
			}
		}
		return new TrainingSet(examples, outOfScope);
	}

	/**
	 * Intents and the matcher trained on them.
	 *
	 * @param intents the intents
	 * @param matcher the matcher
	 */
	public record Snapshot(IntentSet intents, IntentMatcher matcher) {

		public MatchResult match(String text) {
			return matcher.match(text);
		}
	}
}
