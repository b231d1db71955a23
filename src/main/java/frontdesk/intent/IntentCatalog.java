package frontdesk.intent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The intents in force. Loaded at start-up (the application does not start on invalid files) and reloaded when a
 * file in the folder changes; a broken edit keeps the last good set and logs what is wrong.
 */
@Component
public class IntentCatalog {

	private static final Logger log = LoggerFactory.getLogger(IntentCatalog.class);

	/** Longest example added through {@link #addExample}. */
	public static final int MAX_EXAMPLE = 500;

	private final Path dir;

	private final ApplicationEventPublisher events;

	private volatile IntentSet current;

	private volatile List<String> fingerprint;

	IntentCatalog(IntentSettings settings, ApplicationEventPublisher events) {
		this.dir = settings.dir();
		this.events = events;
		this.fingerprint = fingerprint();
		this.current = IntentLoader.load(dir);
		log.info("Loaded {} intents from {}", current.size(), dir.toAbsolutePath().normalize());
	}

	/** The intents in force now. */
	public IntentSet current() {
		return current;
	}

	/** Reloads the intents folder if a file in it was added, changed or removed. */
	@Scheduled(fixedDelayString = "${frontdesk.intents.reload-interval:2s}",
			initialDelayString = "${frontdesk.intents.reload-interval:2s}")
	public synchronized void reloadIfChanged() {
		List<String> now = fingerprint();
		if (now.equals(fingerprint)) {
			return;
		}
		fingerprint = now;
		try {
			IntentSet reloaded = IntentLoader.load(dir);
			current = reloaded;
			log.info("Reloaded {} intents from {}", reloaded.size(), dir);
			events.publishEvent(new IntentsReloaded(reloaded));
		}
		catch (InvalidIntentsException ex) {
			log.error("{}\nKeeping the {} intents loaded before; fix the files and save again.", ex.getMessage(),
					current.size());
		}
	}

	/**
	 * Adds a phrasing to an intent's examples, so the bot learns it: the intent's file gets it at the end of the
	 * intent's {@code examples} list (the rest of the file stays as it was), and the intents are reloaded at once.
	 * @param example the phrasing; surrounding and repeated white space is dropped
	 * @throws IllegalArgumentException for an unknown intent, an empty or overlong example, one without letters or
	 * digits, or one an intent already has (the message says which)
	 * @throws IllegalStateException when the file cannot be written or the change cannot be read back (the file is
	 * then left as it was)
	 */
	public synchronized void addExample(String intentId, String example) {
		String phrasing = example == null ? "" : example.strip().replaceAll("\\s+", " ");
		if (phrasing.isEmpty()) {
			throw new IllegalArgumentException("The example is empty.");
		}
		if (phrasing.length() > MAX_EXAMPLE) {
			throw new IllegalArgumentException("An example is at most " + MAX_EXAMPLE + " characters.");
		}
		if (!Intent.hasWords(phrasing)) {
			throw new IllegalArgumentException("The example has no letters or digits; the bot matches by words.");
		}
		Intent intent = current.find(intentId)
			.orElseThrow(() -> new IllegalArgumentException("There is no intent '" + intentId + "'."));
		Optional<Intent> owner = current.withExample(phrasing);
		if (owner.isPresent()) {
			throw new IllegalArgumentException("'" + phrasing + "' is already an example of '" + owner.get().id() + "'.");
		}
		ExampleWriter.Edit edit;
		try {
			edit = ExampleWriter.addExample(dir, intent.id(), phrasing)
				.orElseThrow(() -> new IllegalStateException("No file in " + dir + " holds intent '" + intentId + "'."));
			edit.write();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not change the intents file: " + ex.getMessage(), ex);
		}
		IntentSet reloaded;
		try {
			reloaded = IntentLoader.load(dir);
			List<String> expected = new ArrayList<>(intent.examples());
			expected.add(phrasing);
			if (!reloaded.find(intent.id()).map(Intent::examples).filter(expected::equals).isPresent()) {
				throw new IllegalStateException("The example could not be added to " + edit.file()
						+ " automatically; please add it by hand.");
			}
		}
		catch (InvalidIntentsException | IllegalStateException ex) {
			try {
				edit.undo();
			}
			catch (IOException undo) {
				ex.addSuppressed(undo);
			}
			throw ex instanceof IllegalStateException state ? state
					: new IllegalStateException("The change broke the intents; it was undone: " + ex.getMessage(), ex);
		}
		fingerprint = fingerprint();
		current = reloaded;
		log.info("Added an example to intent '{}' in {}", intent.id(), edit.file());
		events.publishEvent(new IntentsReloaded(reloaded));
	}

	/**
	 * Names and checksums of the folder's files: a change in any of them means a reload. The content counts, not the
	 * modification time, which an edit of the same size within the file system's resolution (a second or two on some)
	 * or a copy that keeps the source's time would leave as it was.
	 */
	private List<String> fingerprint() {
		List<String> entries = new ArrayList<>();
		try {
			for (Path file : IntentLoader.files(dir)) {
				CRC32 crc = new CRC32();
				crc.update(Files.readAllBytes(file));
				entries.add(file + "|" + crc.getValue());
			}
		}
		catch (IOException ex) {
			entries.add("unreadable: " + Objects.toString(ex.getMessage()));
		}
		return entries;
	}
}
