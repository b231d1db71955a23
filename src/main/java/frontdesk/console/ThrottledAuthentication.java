package frontdesk.console;

import java.time.Duration;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a user name and password (from the sign-in form or HTTP Basic) once the {@link LoginThrottle} has a try for
 * the user name and the address; a success gives the try back.
 */
final class ThrottledAuthentication implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	ThrottledAuthentication(AuthenticationProvider passwords, LoginThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication attempt) {
		String username = attempt.getName();
		String address = attempt.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
		Duration wait = throttle.reserve(username, address);
		if (!wait.isZero()) {
			throw new LoginThrottledException(wait);
		}
		try {
			Authentication signedIn = passwords.authenticate(attempt);
			throttle.succeeded(username, address);
			return signedIn;
		}
		catch (BadCredentialsException ex) {
			Duration now = throttle.waitFor(username, address);
			if (!now.isZero()) {
				throw new LoginThrottledException(now);
			}
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
