package frontdesk.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open pages of each visitor, which get new and changed lines as they happen (server-sent events), so a staff
 * reply appears without a reload. A page that was away catches up from its last line id when it reconnects.
 * <p>
 * Each open page holds a connection and some memory, so their number is bounded: a few per visitor (a newer page
 * ends the oldest, which reconnects if it is still open), some per address, and a total; a page turned away still
 * sees answers to what it sends and catches up when it tries again. A beat every half minute finds the pages that went
 * away without a word, so they do not hold on until their stream times out.
 */
@Component
class LiveLines implements SmartLifecycle {

	/** How long an event stream stays open before the page reconnects. */
	private static final long STREAM_MILLIS = 5 * 60 * 1000L;

	static final int MAX_PER_VISITOR = 10;

	static final int MAX_PER_ADDRESS = 30;

	static final int MAX_PAGES = 1000;

	private static final long BEAT_SECONDS = 30;

	private final Map<String, List<SseEmitter>> pages = new ConcurrentHashMap<>();

	private final Map<String, Integer> byAddress = new ConcurrentHashMap<>();

	private final AtomicInteger total = new AtomicInteger();

	private ScheduledExecutorService beats;

	private volatile boolean running;

	/**
	 * A stream for one of the visitor's pages.
	 * @return empty when the address, or the server, has as many open pages as it may
	 */
	Optional<SseEmitter> open(String visitor, String address) {
		if (!reserve(address)) {
			return Optional.empty();
		}
		SseEmitter emitter = new SseEmitter(STREAM_MILLIS);
		// added and removed atomically per visitor, so a page closing cannot drop the list another page just joined
		List<SseEmitter> open = pages.compute(visitor, (id, before) -> {
			List<SseEmitter> list = (before != null) ? before : new CopyOnWriteArrayList<>();
			list.add(emitter);
			return list;
		});
		AtomicBoolean removed = new AtomicBoolean();
		Runnable remove = () -> {
			if (removed.compareAndSet(false, true)) {
				pages.computeIfPresent(visitor, (id, list) -> {
					list.remove(emitter);
					return list.isEmpty() ? null : list;
				});
				release(address);
			}
		};
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(error -> remove.run());
		if (open.size() > MAX_PER_VISITOR) {
			// out of the list at once, so that the next page ends the next oldest even before this one's end is told
			open.remove(0).complete();
		}
		// sent at once, so the page learns the stream is open and fetches what it missed while it was not
		send(emitter, SseEmitter.event().comment("open"));
		return Optional.of(emitter);
	}

	private boolean reserve(String address) {
		if (total.incrementAndGet() > MAX_PAGES) {
			total.decrementAndGet();
			return false;
		}
		AtomicBoolean allowed = new AtomicBoolean();
		byAddress.compute(address, (key, count) -> {
			int now = (count == null) ? 0 : count;
			allowed.set(now < MAX_PER_ADDRESS);
			return allowed.get() ? now + 1 : count;
		});
		if (!allowed.get()) {
			total.decrementAndGet();
		}
		return allowed.get();
	}

	private void release(String address) {
		byAddress.computeIfPresent(address, (key, count) -> (count > 1) ? count - 1 : null);
		total.decrementAndGet();
	}

	/** Sends a line (new or changed) to the visitor's open pages. */
	void push(String visitor, ChatLine line) {
		for (SseEmitter emitter : pages.getOrDefault(visitor, List.of())) {
			send(emitter, SseEmitter.event().name("line").id(String.valueOf(line.id())).data(line));
		}
	}

	/** A comment to every open page: one whose reader went away fails, and its stream is ended. */
	void beat() {
		pages.values().forEach(open -> open.forEach(emitter -> send(emitter, SseEmitter.event().comment("beat"))));
	}

	/** How many pages are open. */
	int openPages() {
		return total.get();
	}

	/**
	 * Sends an event; a stream that fails is ended. It never throws: the beat goes on to the other pages, and a beat
	 * that threw would be the last (the scheduler stops a task that throws).
	 */
	static void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
		try {
			emitter.send(event);
		}
		catch (IOException | IllegalStateException ex) {
			try {
				emitter.completeWithError(ex);
			}
			catch (IllegalStateException endedMeanwhile) {
				// the web server saw the reader go away and ended the stream itself, just before this
			}
		}
	}

	@Override
	public void start() {
		// a thread of its own: a slow reader must not hold up the app's scheduled work
		beats = Executors.newSingleThreadScheduledExecutor(task -> {
			Thread thread = new Thread(task, "web-chat-beats");
			thread.setDaemon(true);
			return thread;
		});
		beats.scheduleWithFixedDelay(this::beat, BEAT_SECONDS, BEAT_SECONDS, TimeUnit.SECONDS);
		running = true;
	}

	/** At shutdown the streams end first, so the web server need not wait for them; pages reconnect later. */
	@Override
	public void stop() {
		running = false;
		beats.shutdownNow();
		pages.values().forEach(open -> open.forEach(SseEmitter::complete));
		pages.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}
}
