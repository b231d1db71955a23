package frontdesk.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bucket;

import org.springframework.stereotype.Component;

/**
 * Keeps one address from flooding the chat: every message and button press from it takes a token, 30 a minute after
 * a burst of 30. A person never notices; a script that would open a ticket (and a staff topic) per request is held
 * back. Behind a reverse proxy, set {@code server.forward-headers-strategy} so each visitor has their own address.
 */
@Component
class ChatThrottle {

	static final int PER_MINUTE = 30;

	/** Addresses remembered; a forgotten one starts again with a full bucket. */
	private static final int REMEMBERED = 10_000;

	private final Map<String, Bucket> addresses = new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
			return size() > REMEMBERED;
		}
	};

	/** @return whether a request from the address may go on now */
	synchronized boolean allows(String address) {
		return addresses.computeIfAbsent(address, key -> Bucket.builder()
			.addLimit(limit -> limit.capacity(PER_MINUTE).refillGreedy(PER_MINUTE, Duration.ofMinutes(1)))
			.build()).tryConsume(1);
	}
}
