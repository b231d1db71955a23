package frontdesk.console;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code hash-password}: prints the BCrypt hash of a password, for a console user's {@code password-hash}. The password
 * comes from {@code --password}, from the terminal (typed twice, not shown), or from the first line of standard
 * input.
 */
public final class HashPasswordCommand {

	static final String USAGE = """
			Usage: java -jar target/frontdesk.jar hash-password [--password PASSWORD]
			Prints the BCrypt hash of a password for frontdesk.console.users[].password-hash.
			Without --password it asks for the password, or reads it from the first line of standard input.""";

	/** Shortest password accepted. */
	static final int MIN_LENGTH = 8;

	private HashPasswordCommand() {
	}

	/** Runs the command on the process's terminal or standard input; returns the exit status. */
	public static int run(String... args) {
		Console console = System.console();
		if (console != null && !hasPasswordOption(args)) {
			char[] first = console.readPassword("Password: ");
			char[] second = first == null ? null : console.readPassword("Once more: ");
			if (first == null || second == null || !new String(first).equals(new String(second))) {
				System.err.println("The two passwords differ; nothing printed.");
				return 1;
			}
			return hash(new String(first), System.out, System.err);
		}
		return run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out,
				System.err, args);
	}

	/** Runs the command with the password from the options or the first line of {@code in}. */
	static int run(BufferedReader in, PrintStream out, PrintStream err, String... args) {
		String password = null;
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--password") && i + 1 < args.length) {
				password = args[++i];
			}
			else if (args[i].startsWith("--password=")) {
				password = args[i].substring("--password=".length());
			}
			else {
				err.println(USAGE);
				return 2;
			}
		}
		if (password == null) {
			try {
				password = in.readLine();
			}
			catch (IOException ex) {
				err.println("Could not read the password: " + ex.getMessage());
				return 1;
			}
		}
		return hash(password, out, err);
	}

	private static int hash(String password, PrintStream out, PrintStream err) {
		if (password == null || password.length() < MIN_LENGTH) {
			err.println("Give a password of at least " + MIN_LENGTH + " characters.");
			return 1;
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
			err.println("BCrypt uses only the first 72 bytes of a password; give a shorter one.");
			return 1;
		}
		out.println(new BCryptPasswordEncoder().encode(password));
		return 0;
	}

	private static boolean hasPasswordOption(String[] args) {
		for (String arg : args) {
			if (arg.startsWith("--password")) {
				return true;
			}
		}
		return false;
	}
}
