package frontdesk.console;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may use the staff console, and how failed sign-ins are throttled. With no users the console is off.
 *
 * @param users the staff who may sign in
 * @param loginFailuresPerUser failed sign-ins for one user name after which it must wait (one more try comes back
 * every {@code loginFailureWindow / loginFailuresPerUser})
 * @param loginFailuresPerAddress failed sign-ins from one network address, whatever the user names, after which it
 * must wait
 * @param loginFailureWindow how long it takes for all the tries to come back
 */
@Validated
@ConfigurationProperties("frontdesk.console")
record ConsoleSettings(@DefaultValue List<@Valid User> users, @Min(1) @DefaultValue("5") int loginFailuresPerUser,
		@Min(1) @DefaultValue("20") int loginFailuresPerAddress,
		@NotNull @DefaultValue("15m") Duration loginFailureWindow) {

	/** A BCrypt hash, as {@code hash-password} prints it (Spring's <code>{bcrypt}</code> prefix is allowed). */
	static final String BCRYPT = "(\\{bcrypt})?\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}";

	/** Whether anyone can sign in. */
	boolean enabled() {
		return !users.isEmpty();
	}

	/**
	 * A staff member who may sign in to the console.
	 *
	 * @param username what they sign in with
	 * @param passwordHash the BCrypt hash of their password ({@code java -jar target/frontdesk.jar hash-password})
	 * @param name the name customers and colleagues see; the user name when not set
	 */
	record User(@NotNull @Pattern(regexp = "[^:\\s]{1,64}",
			message = "must be 1 to 64 characters with no spaces or colons") String username,
			@NotNull @Pattern(regexp = BCRYPT,
					message = "must be a BCrypt hash, as printed by 'java -jar target/frontdesk.jar hash-password'") String passwordHash,
			String name) {

		/** The name customers and colleagues see. */
		String shownName() {
			return name == null || name.isBlank() ? username : name.strip();
		}

		/** The hash without Spring's <code>{bcrypt}</code> prefix. */
		String bcrypt() {
			return passwordHash.startsWith("{bcrypt}") ? passwordHash.substring("{bcrypt}".length()) : passwordHash;
		}
	}
}
