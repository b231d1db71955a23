package frontdesk.console;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: each user name and each network address has a bucket of tries that failed sign-ins
 * use up and that fills again over time (each sign-in takes a try before its password is checked, and one that
 * succeeds gives it back). An empty bucket must wait; others are not held up by it.
 */
@Component
class LoginThrottle {

	/** User names and addresses remembered; the least recently seen are forgotten first. */
	private static final int REMEMBERED = 10_000;

	private final ConsoleSettings settings;

	private final TimeMeter time;

	private final Map<String, Bucket> users = remembered();

	private final Map<String, Bucket> addresses = remembered();

	LoginThrottle(ConsoleSettings settings, Clock clock) {
		this.settings = settings;
		this.time = new TimeMeter() {
			@Override
			public long currentTimeNanos() {
				return clock.millis() * 1_000_000;
			}

			@Override
			public boolean isWallClockBased() {
				return true;
			}
		};
	}

	/**
	 * Takes a try for a sign-in about to be checked, from the user name's and the address's buckets at once, so that
	 * tries sent together cannot all pass the check before any has failed.
	 * @return zero when the sign-in may be checked; else how long the user name or the address must wait (no try taken)
	 */
	synchronized Duration reserve(String username, String address) {
		Bucket user = users.computeIfAbsent(key(username), name -> bucket(settings.loginFailuresPerUser()));
		Bucket from = addresses.computeIfAbsent(address, name -> bucket(settings.loginFailuresPerAddress()));
		if (!user.tryConsume(1)) {
			return waitFor(username, address);
		}
		if (!from.tryConsume(1)) {
			user.addTokens(1);
			return waitFor(username, address);
		}
		return Duration.ZERO;
	}

	/** How long the user name or the address must wait before trying again; zero when they may try now. */
	synchronized Duration waitFor(String username, String address) {
		return longer(waitOf(users.get(key(username))), waitOf(addresses.get(address)));
	}

	/** A sign-in succeeded: the user name's failures are forgotten, and the address gets its try back. */
	synchronized void succeeded(String username, String address) {
		users.remove(key(username));
		Optional.ofNullable(addresses.get(address)).ifPresent(bucket -> bucket.addTokens(1));
	}

	private static String key(String username) {
		String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		return name.length() > 64 ? name.substring(0, 64) : name;
	}

	private Bucket bucket(int tries) {
		return Bucket.builder()
			.addLimit(limit -> limit.capacity(tries).refillGreedy(tries, settings.loginFailureWindow()))
			.withCustomTimePrecision(time)
			.build();
	}

	private static Duration waitOf(Bucket bucket) {
		return bucket == null ? Duration.ZERO
				: Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
	}

	private static Duration longer(Duration a, Duration b) {
		return a.compareTo(b) >= 0 ? a : b;
	}

	private static Map<String, Bucket> remembered() {
		return new LinkedHashMap<>(64, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
				return size() > REMEMBERED;
			}
		};
	}
}
