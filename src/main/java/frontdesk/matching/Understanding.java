package frontdesk.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import frontdesk.intent.Intent;
import frontdesk.intent.IntentCatalog;
import frontdesk.intent.IntentSet;
import frontdesk.intent.IntentsReloaded;

/**
 * The intents in force together with a matcher trained on them, replaced as one when the intent files change, so a
 * match never names an intent the set does not have.
 * <p>
 * A matcher that takes a while to be ready (the semantic one loads its models and trains, or reads its trained
 * classifiers) can be made off the start-up path: the app then starts at once, the lexical matcher answers until it is
 * ready, and both are trained on another thread (a message that comes before even the lexical matcher, a few hundred
 * milliseconds, waits for it). A reload that finishes first wins; the start-up matchers never replace a newer one.
 * <p>
 * Reloads are trained on a thread of their own, one after another, while the matcher in force goes on answering: the
 * thread that noticed the change (the scheduler's, which also keeps the promises to customers) is not held up.
 */
@Component
public class Understanding {

	private static final Logger log = LoggerFactory.getLogger(Understanding.class);

	private final MatcherFactory factory;

	/** The quick matcher that answers until the configured one is made, or when it cannot be; null if none. */
	private final MatcherFactory stopgap;

	/** Completes when a matcher is first in force. */
	private final CompletableFuture<Void> answering = new CompletableFuture<>();

	private final CompletableFuture<Void> ready;

	private final ExecutorService training = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "matcher-training");
		thread.setDaemon(true);
		return thread;
	});

	private volatile Snapshot current;

	/** The generation of the intents {@link #current} was trained on: each (re)load counts one up. */
	private long installed;

	private long generations;

	@Autowired
	Understanding(IntentCatalog catalog, MatcherFactory factory, ModelSettings models, MatchingSettings settings) {
		this(catalog.current(), factory, (models.model() == ModelSettings.Kind.SEMANTIC && !models.waitForModel())
				? new LexicalMatcherFactory(settings) : null);
	}

	/**
	 * @param intents the intents loaded at start-up
	 * @param factory makes the matchers
	 * @param stopgap a matcher factory that trains quickly, to answer while {@code factory} makes the first matcher;
	 * both then train on another thread. Null to make the first matcher here, before the app starts
	 */
	Understanding(IntentSet intents, MatcherFactory factory, MatcherFactory stopgap) {
		this.factory = factory;
		this.stopgap = stopgap;
		TrainingSet examples = examples(intents);
		long generation = nextGeneration();
		if (stopgap == null) {
			install(generation, train(factory, intents, examples));
			this.ready = CompletableFuture.completedFuture(null);
			return;
		}
		long started = System.nanoTime();
		this.ready = CompletableFuture.runAsync(() -> {
			try {
				install(generation, train(stopgap, intents, examples));
			}
			catch (RuntimeException ex) {
				log.error("Could not train the lexical matcher; messages wait for the configured one", ex);
			}
			if (install(generation, train(factory, intents, examples))) {
				log.info("The matcher is ready ({} ms after it began to load); it answers from now on",
						(System.nanoTime() - started) / 1_000_000);
			}
		}, (task) -> {
			Thread thread = new Thread(task, "matcher-start");
			thread.setDaemon(true);
			thread.start();
		}).exceptionally((failure) -> {
			log.error((current != null)
					? "Could not make the matcher; the lexical matcher answers instead, and learns the intents as they change"
					: "Could not make a matcher; messages cannot be understood until the intents change", failure);
			answering.completeExceptionally(failure);
			return null;
		});
	}

	/** The intents and matcher in force now; right after start-up this waits until the first matcher is trained. */
	public Snapshot current() {
		Snapshot snapshot = current;
		if (snapshot == null) {
			answering.join();
			snapshot = current;
		}
		return snapshot;
	}

	/** Completes when the configured matcher has been made for the intents loaded at start-up (or failed to be). */
	public CompletableFuture<Void> ready() {
		return ready;
	}

	@EventListener
	void on(IntentsReloaded reloaded) {
		reload(reloaded.intents());
	}

	/**
	 * Trains a matcher on reloaded intents, on the training thread; a reload overtaken by a newer one before its turn
	 * is skipped.
	 * @return completes when the matcher is in force, skipped, or could not be made (the one before keeps answering)
	 */
	CompletableFuture<Void> reload(IntentSet intents) {
		long generation = nextGeneration();
		return CompletableFuture.runAsync(() -> {
			if (generation == latestGeneration()) {
				long started = System.nanoTime();
				TrainingSet examples = examples(intents);
				Snapshot snapshot;
				try {
					snapshot = train(factory, intents, examples);
				}
				catch (RuntimeException ex) {
					if (stopgap == null) {
						throw ex;
					}
					// the configured matcher cannot be made (its model does not load): the changes still count
					log.error("Could not make the matcher on the reloaded intents; the lexical matcher learns them "
							+ "and answers instead", ex);
					snapshot = train(stopgap, intents, examples);
				}
				if (install(generation, snapshot)) {
					log.info("The matcher has learnt the {} reloaded intents in {} ms; it answers from them now",
							intents.size(), (System.nanoTime() - started) / 1_000_000);
				}
			}
		}, training).exceptionally((failure) -> {
			log.error("Could not train the matcher on the reloaded intents; the one trained before keeps answering",
					failure);
			return null;
		});
	}

	@PreDestroy
	void stop() {
		training.shutdownNow();
	}

	/**
	 * The intents' training set, made once for all the matchers trained on them; logs when the built-in out-of-scope
	 * examples stand in.
	 */
	private static TrainingSet examples(IntentSet intents) {
		TrainingSet examples = trainingSet(intents);
		if (examples.outOfScopeExamples().equals(TrainingSet.builtInOutOfScope())) {
			log.info("No intent has examples of what not to answer (action: fallback); the matcher learns it from {} "
					+ "built-in ones", examples.outOfScopeExamples().size());
		}
		return examples;
	}

	private synchronized long nextGeneration() {
		return ++generations;
	}

	private synchronized long latestGeneration() {
		return generations;
	}

	/** Puts the matcher in force unless one trained on newer intents already is; true if it was. */
	private synchronized boolean install(long generation, Snapshot snapshot) {
		if (generation < installed) {
			return false;
		}
		installed = generation;
		current = snapshot;
		answering.complete(null);
		return true;
	}

	private static Snapshot train(MatcherFactory factory, IntentSet intents, TrainingSet examples) {
		long started = System.nanoTime();
		IntentMatcher matcher = factory.train(examples);
		log.debug("Trained the matcher on {} intents in {} ms", intents.size(), (System.nanoTime() - started) / 1_000_000);
		return new Snapshot(intents, matcher);
	}

	/**
	 * Examples per answerable intent; the examples of out-of-scope intents ({@code action: fallback}) as negatives,
	 * or the built-in ones if there are none.
	 */
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
		return new TrainingSet(examples, outOfScope).orBuiltInOutOfScope();
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
