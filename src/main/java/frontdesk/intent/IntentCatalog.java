package frontdesk.intent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
	public void reloadIfChanged() {
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

	/** Names, sizes and modification times of the folder's files: a change in any of them means a reload. */
	private List<String> fingerprint() {
		List<String> entries = new ArrayList<>();
		try {
			for (Path file : IntentLoader.files(dir)) {
				entries.add(file + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis());
			}
		}
		catch (IOException ex) {
			entries.add("unreadable: " + Objects.toString(ex.getMessage()));
		}
		return entries;
	}
}
