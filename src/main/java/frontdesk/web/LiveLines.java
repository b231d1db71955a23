package frontdesk.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open pages of each visitor, which get new and changed lines as they happen (server-sent events), so a staff
 * reply appears without a reload. A page that was away catches up from its last line id when it reconnects.
 */
@Component
class LiveLines implements SmartLifecycle {

	/** How long an event stream stays open before the page reconnects. */
	private static final long STREAM_MILLIS = 5 * 60 * 1000L;

	private final Map<String, List<SseEmitter>> pages = new ConcurrentHashMap<>();

	private volatile boolean running;

	SseEmitter open(String visitor) {
		SseEmitter emitter = new SseEmitter(STREAM_MILLIS);
		// added and removed atomically per visitor, so a page closing cannot drop the list another page just joined
		pages.compute(visitor, (id, open) -> {
			List<SseEmitter> list = (open != null) ? open : new CopyOnWriteArrayList<>();
			list.add(emitter);
			return list;
		});
		Runnable remove = () -> pages.computeIfPresent(visitor, (id, open) -> {
			open.remove(emitter);
			return open.isEmpty() ? null : open;
		});
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(error -> remove.run());
		try {
			// sent at once, so the page learns the stream is open and fetches what it missed while it was not
			emitter.send(SseEmitter.event().comment("open"));
		}
		catch (IOException ex) {
			emitter.completeWithError(ex);
		}
		return emitter;
	}

	/** Sends a line (new or changed) to the visitor's open pages. */
	void push(String visitor, ChatLine line) {
		for (SseEmitter emitter : pages.getOrDefault(visitor, List.of())) {
			try {
				emitter.send(SseEmitter.event().name("line").id(String.valueOf(line.id())).data(line));
			}
			catch (IOException | IllegalStateException ex) {
				emitter.completeWithError(ex);
			}
		}
	}

	@Override
	public void start() {
		running = true;
	}

	/** At shutdown the streams end first, so the web server need not wait for them; pages reconnect later. */
	@Override
	public void stop() {
		running = false;
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
