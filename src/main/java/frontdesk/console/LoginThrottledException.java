package frontdesk.console;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused without looking at the password: too many failed tries for the user name or from the address.
 */
class LoginThrottledException extends AuthenticationException {

	private final Duration retryAfter;

	LoginThrottledException(Duration retryAfter) {
		super("Too many failed sign-in attempts. Try again in " + describe(retryAfter) + ".");
		this.retryAfter = retryAfter;
	}

	/** How long until the next try may be made. */
	Duration retryAfter() {
		return retryAfter;
	}

	/** A wait in words, rounded up: "40 seconds", "3 minutes". */
	static String describe(Duration wait) {
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		if (seconds < 60) {
			return seconds == 1 ? "1 second" : seconds + " seconds";
		}
		long minutes = (seconds + 59) / 60;
		return minutes == 1 ? "1 minute" : minutes + " minutes";
	}
}
