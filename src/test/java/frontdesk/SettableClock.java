package frontdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock for tests: set to a time, it runs on from there like the real one, so time-driven work (pacing, retries)
 * still moves; frozen, it stands still.
 */
public class SettableClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	private volatile Instant frozen;

	/** From now on the clock reads the given time, and runs on from there. */
	public void set(Instant now) {
		frozen = null;
		offset = Duration.between(Instant.now(), now);
	}

	/** From now on the clock reads the given time, and stands still. */
	public void freeze(Instant now) {
		frozen = now;
	}

	/** Moves the clock on, frozen or running. */
	public void advance(Duration duration) {
		Instant now = frozen;
		if (now != null) {
			frozen = now.plus(duration);
		}
		else {
			offset = offset.plus(duration);
		}
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		Instant now = frozen;
		return now != null ? now : Instant.now().plus(offset);
	}
}
