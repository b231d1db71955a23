package frontdesk.console;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import frontdesk.ticket.StaffMember;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The staff who may sign in to the console, from {@code frontdesk.console.users}. Each is a staff member like those in
 * the staff group, known as {@code console:<username>}.
 */
@Component
class ConsoleUsers implements UserDetailsService {

	/** Staff ids of console users start with this. */
	static final String PREFIX = "console:";

	private static final Logger log = LoggerFactory.getLogger(ConsoleUsers.class);

	private final Map<String, ConsoleSettings.User> users = new LinkedHashMap<>();

	ConsoleUsers(ConsoleSettings settings) {
		for (ConsoleSettings.User user : settings.users()) {
			if (users.putIfAbsent(user.username(), user) != null) {
				throw new IllegalStateException(
						"frontdesk.console.users: the user name '" + user.username() + "' is there twice");
			}
		}
		if (users.isEmpty()) {
			log.info("The staff console is off: no users are set up. To turn it on, add users to "
					+ "frontdesk.console.users with password hashes from 'java -jar target/frontdesk.jar hash-password'.");
		}
		else {
			log.info("The staff console is on at /console for {} {}", users.size(), users.size() == 1 ? "user" : "users");
		}
	}

	/** Whether anyone can sign in; with no users the console is off. */
	boolean enabled() {
		return !users.isEmpty();
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		ConsoleSettings.User user = users.get(username);
		if (user == null) {
			throw new UsernameNotFoundException("No console user " + username);
		}
		return User.withUsername(user.username()).password(user.bcrypt()).roles("STAFF").build();
	}

	/** The signed-in user as a staff member. */
	StaffMember staffMember(String username) {
		ConsoleSettings.User user = users.get(username);
		return new StaffMember(PREFIX + username, user == null ? username : user.shownName());
	}
}
