package frontdesk.matching;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import frontdesk.intent.IntentLoader;
import frontdesk.intent.IntentSet;
import frontdesk.intent.IntentsReloaded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The matcher in force while the configured one is made off the start-up path, and after.
 */
class UnderstandingTests {

	final IntentSet atStart = IntentLoader.load(Path.of("intents"));

	final MatcherFactory lexical = new LexicalMatcherFactory(MatchingSettings.defaults());

	@Test
	void theStopgapAnswersUntilTheMatcherIsReady() throws Exception {
		SlowFactory slow = new SlowFactory();
		Understanding understanding = new Understanding(atStart, slow, lexical);

		assertThat(understanding.ready()).isNotDone();
		assertThat(understanding.current().matcher()).isInstanceOf(LexicalMatcher.class);
		assertThat(understanding.current().match("where is my order").best()).map(ScoredIntent::intentId)
			.hasValue("track_order");

		slow.release.countDown();
		understanding.ready().get(10, TimeUnit.SECONDS);

		assertThat(understanding.current().matcher()).isSameAs(slow.made);
		assertThat(understanding.current().intents()).isSameAs(atStart);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void saysWhenItHasLearntReloadedIntents(CapturedOutput output) throws Exception {
		Understanding understanding = new Understanding(atStart, lexical, lexical);
		understanding.ready().get(10, TimeUnit.SECONDS);

		understanding.reload(IntentLoader.load(Path.of("intents"))).get(10, TimeUnit.SECONDS);

		assertThat(output).contains("The matcher has learnt the " + atStart.size() + " reloaded intents in");
	}

	@Test
	void aReloadThatFinishesFirstIsNotReplacedByTheStartUpMatcher() throws Exception {
		SlowFactory slow = new SlowFactory();
		Understanding understanding = new Understanding(atStart, slow, lexical);
		IntentSet reloaded = IntentLoader.load(Path.of("intents"));

		understanding.reload(reloaded).get(10, TimeUnit.SECONDS);
		IntentMatcher afterReload = understanding.current().matcher();
		slow.release.countDown();
		understanding.ready().get(10, TimeUnit.SECONDS);

		assertThat(understanding.current().intents()).isSameAs(reloaded);
		assertThat(slow.made).isNotNull();
		assertThat(understanding.current().matcher()).isSameAs(afterReload).isNotSameAs(slow.made)
			.isNotInstanceOf(LexicalMatcher.class);
	}

	@Test
	void aReloadIsTrainedOnItsOwnThreadWhileTheMatcherBeforeItAnswers() throws Exception {
		SlowFactory slow = new SlowFactory("matcher-training");
		Understanding understanding = new Understanding(atStart, slow, null);
		IntentSet reloaded = IntentLoader.load(Path.of("intents"));

		understanding.on(new IntentsReloaded(reloaded));

		assertThat(understanding.current().intents()).isSameAs(atStart);
		assertThat(understanding.current().match("where is my order").best()).map(ScoredIntent::intentId)
			.hasValue("track_order");
		slow.release.countDown();
		await().atMost(Duration.ofSeconds(10)).until(() -> understanding.current().intents() == reloaded);
		assertThat(understanding.current().matcher()).isSameAs(slow.made);
	}

	@Test
	void aReloadOvertakenBeforeItsTurnIsSkipped() throws Exception {
		SlowFactory slow = new SlowFactory("matcher-training");
		Understanding understanding = new Understanding(atStart, slow, null);
		IntentSet first = IntentLoader.load(Path.of("intents"));
		IntentSet second = IntentLoader.load(Path.of("intents"));
		IntentSet third = IntentLoader.load(Path.of("intents"));
		int before = slow.trainings.get();

		CompletableFuture<Void> training = understanding.reload(first);
		slow.started.await(10, TimeUnit.SECONDS);
		CompletableFuture<Void> overtaken = understanding.reload(second);
		CompletableFuture<Void> latest = understanding.reload(third);
		slow.release.countDown();
		CompletableFuture.allOf(training, overtaken, latest).get(10, TimeUnit.SECONDS);

		assertThat(slow.trainings.get() - before).as("the first and the latest").isEqualTo(2);
		assertThat(understanding.current().intents()).isSameAs(third);
	}

	@Test
	void withoutAStopgapTheMatcherIsMadeBeforeTheConstructorReturns() {
		Understanding understanding = new Understanding(atStart, lexical, null);

		assertThat(understanding.ready()).isCompleted();
		assertThat(understanding.current().match("can I pay with paypal").best()).map(ScoredIntent::intentId)
			.hasValue("payment_methods");
	}

	@Test
	void whenTheMatcherCannotBeMadeTheStopgapKeepsAnsweringAndLearnsChangedIntents() throws Exception {
		MatcherFactory broken = new LexicalMatcherFactory(MatchingSettings.defaults()) {
			@Override
			public IntentMatcher train(TrainingSet set) {
				throw new IllegalStateException("no model");
			}
		};
		Understanding understanding = new Understanding(atStart, broken, lexical);

		understanding.ready().get(10, TimeUnit.SECONDS);

		assertThat(understanding.current().matcher()).isInstanceOf(LexicalMatcher.class);
		assertThat(understanding.current().match("where is my order").best()).map(ScoredIntent::intentId)
			.hasValue("track_order");

		// changed intents still count: the stopgap learns them
		IntentSet reloaded = IntentLoader.load(Path.of("intents"));
		understanding.reload(reloaded).get(10, TimeUnit.SECONDS);
		assertThat(understanding.current().intents()).isSameAs(reloaded);
		assertThat(understanding.current().matcher()).isInstanceOf(LexicalMatcher.class);
	}

	@Test
	void whenNoMatcherCanBeMadeAskingForOneFailsInsteadOfWaitingForever() throws Exception {
		MatcherFactory broken = new LexicalMatcherFactory(MatchingSettings.defaults()) {
			@Override
			public IntentMatcher train(TrainingSet set) {
				throw new IllegalStateException("no model");
			}
		};
		Understanding understanding = new Understanding(atStart, broken, broken);

		understanding.ready().get(10, TimeUnit.SECONDS);

		assertThatThrownBy(understanding::current).hasRootCauseMessage("no model");
	}

	/** Trains the lexical way, but a training on one thread waits to be released, as loading a model does. */
	static final class SlowFactory extends LexicalMatcherFactory {

		final CountDownLatch release = new CountDownLatch(1);

		final CountDownLatch started = new CountDownLatch(1);

		final AtomicInteger trainings = new AtomicInteger();

		private final String slowThread;

		volatile IntentMatcher made;

		SlowFactory() {
			this("matcher-start");
		}

		/** Waits on the given thread only. */
		SlowFactory(String slowThread) {
			super(MatchingSettings.defaults());
			this.slowThread = slowThread;
		}

		@Override
		public IntentMatcher train(TrainingSet set) {
			trainings.incrementAndGet();
			boolean first = Thread.currentThread().getName().equals(slowThread);
			if (first) {
				started.countDown();
				try {
					release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			IntentMatcher trained = super.train(set);
			IntentMatcher wrapped = trained::match;
			if (first) {
				made = wrapped;
			}
			return wrapped;
		}

	}

}
