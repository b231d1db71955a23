package frontdesk.console;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code hash-password} prints a BCrypt hash a console user's {@code password-hash} takes.
 */
class HashPasswordCommandTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String stdin, String... args) {
		return HashPasswordCommand.run(new BufferedReader(new StringReader(stdin)),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
				args);
	}

	private String printed() {
		return out.toString(StandardCharsets.UTF_8).strip();
	}

	@Test
	void hashesThePasswordFromStandardInput() {
		assertThat(run("correct horse battery\n")).isZero();

		assertThat(printed()).matches(ConsoleSettings.BCRYPT);
		assertThat(new BCryptPasswordEncoder().matches("correct horse battery", printed())).isTrue();
	}

	@Test
	void hashesThePasswordGivenAsAnOption() {
		assertThat(run("", "--password", "open sesame 42")).isZero();
		assertThat(new BCryptPasswordEncoder().matches("open sesame 42", printed())).isTrue();

		out.reset();
		assertThat(run("", "--password=open sesame 43")).isZero();
		assertThat(new BCryptPasswordEncoder().matches("open sesame 43", printed())).isTrue();
	}

	@Test
	void refusesAShortPassword() {
		assertThat(run("short\n")).isEqualTo(1);

		assertThat(printed()).isEmpty();
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("at least 8 characters");
	}

	@Test
	void explainsItselfOnAnUnknownOption() {
		assertThat(run("", "--help")).isEqualTo(2);

		assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: java -jar target/frontdesk.jar hash-password");
	}
}
