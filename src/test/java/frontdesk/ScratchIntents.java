package frontdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Intents folders written by a test or copied for one, each new under {@code target/test-data}.
 */
public final class ScratchIntents {

	private ScratchIntents() {
	}

	/**
	 * A new folder named after the test with the given files in it.
	 * @param name what the folder's name starts with
	 * @param files each file's name followed by its content
	 * @return the folder
	 */
	public static Path folder(String name, String... files) {
		try {
			Path folder = Files.createDirectories(Path.of("target/test-data/" + name + "-" + UUID.randomUUID()));
			for (int i = 0; i + 1 < files.length; i += 2) {
				Files.writeString(folder.resolve(files[i]), files[i + 1]);
			}
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A new folder named after the test with a copy of the shipped intents, for a test that changes them. */
	public static Path copyOfShipped(String name) {
		Path folder = folder(name);
		try (Stream<Path> files = Files.list(Path.of("intents"))) {
			for (Path file : files.toList()) {
				Files.copy(file, folder.resolve(file.getFileName()));
			}
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
