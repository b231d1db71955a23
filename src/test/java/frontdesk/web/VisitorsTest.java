package frontdesk.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key that signs the web chat's cookies: made once, kept, and readable by Frontdesk's own account alone.
 */
class VisitorsTest {

	@TempDir
	Path data;

	@Test
	void keepsTheCookieKeyForItsOwnerAlone() throws IOException {
		Path file = data.resolve("data").resolve("web-cookie.key");

		byte[] key = Visitors.storedKey(file);

		assertThat(key).hasSize(32);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(Visitors.storedKey(file)).as("read again after a restart").isEqualTo(key);
	}

	@Test
	void closesUpAKeyAnEarlierVersionLeftReadableByAll() throws IOException {
		Path file = data.resolve("web-cookie.key");
		Files.write(file, new byte[32]);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

		assertThat(Visitors.storedKey(file)).isEqualTo(new byte[32]);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}
}
