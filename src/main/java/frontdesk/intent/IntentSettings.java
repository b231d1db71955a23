package frontdesk.intent;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the intent files are, and how often they are checked for changes.
 *
 * @param dir folder with the {@code *.yml} intent files and {@code messages.yml}
 * @param reloadInterval how often the folder is checked for changed files while running
 */
@Validated
@ConfigurationProperties("frontdesk.intents")
public record IntentSettings(@NotNull @DefaultValue("intents") Path dir,
		@NotNull @DefaultValue("2s") Duration reloadInterval) {
}
