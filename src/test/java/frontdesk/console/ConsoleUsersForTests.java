package frontdesk.console;

import java.util.UUID;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Console users for the tests, with a password each, and a fresh data folder per test context.
 */
final class ConsoleUsersForTests {

	static final String PASSWORD = "correct horse battery";

	/** Cheap to check (cost 4), as tests sign in often. */
	static final String HASH = new BCryptPasswordEncoder(4).encode(PASSWORD);

	private ConsoleUsersForTests() {
	}

	/**
	 * Console users with the given user names, shown by the same name capitalised ("grace" is Grace), and a data folder
	 * of their own; Telegram off.
	 */
	static void register(DynamicPropertyRegistry registry, String context, String... usernames) {
		for (int i = 0; i < usernames.length; i++) {
			String username = usernames[i];
			registry.add("frontdesk.console.users[" + i + "].username", () -> username);
			registry.add("frontdesk.console.users[" + i + "].password-hash", () -> HASH);
			registry.add("frontdesk.console.users[" + i + "].name",
					() -> Character.toUpperCase(username.charAt(0)) + username.substring(1));
		}
		registry.add("frontdesk.data-dir", () -> "./target/test-data/" + context + "-" + UUID.randomUUID());
		registry.add("frontdesk.telegram.token", () -> "");
	}

	/** A request from the given network address. */
	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}
}
