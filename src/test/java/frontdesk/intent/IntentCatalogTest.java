package frontdesk.intent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class IntentCatalogTest {

	@TempDir
	Path dir;

	private final List<Object> published = new ArrayList<>();

	private IntentCatalog catalog;

	@BeforeEach
	void start() throws IOException {
		write("shop.yml", "hello", "Hi!");
		catalog = new IntentCatalog(new IntentSettings(dir, Duration.ofSeconds(2)), published::add);
	}

	@Test
	void picksUpAChangedFile() throws IOException {
		write("shop.yml", "hello", "Hello there!");

		catalog.reloadIfChanged();

		assertThat(catalog.current().find("greeting").orElseThrow().answers()).containsExactly("Hello there!");
		assertThat(published).singleElement().isInstanceOf(IntentsReloaded.class);
	}

	@Test
	void picksUpAnEditOfTheSameSizeThatKeptTheModificationTime() throws IOException {
		Path file = dir.resolve("shop.yml");
		FileTime saved = Files.getLastModifiedTime(file);
		// saved again within the file system's time resolution (a second or two on some), or copied keeping its time
		Files.writeString(file, Files.readString(file).replace("Hi!", "Yo!"));
		Files.setLastModifiedTime(file, saved);

		catalog.reloadIfChanged();

		assertThat(catalog.current().find("greeting").orElseThrow().answers()).containsExactly("Yo!");
	}

	@Test
	void keepsTheLastGoodSetOnABrokenEditAndSaysWhy(CapturedOutput output) throws IOException {
		Files.writeString(dir.resolve("shop.yml"), "intents:\n  - id: greeting\n    examples: [hi]\n    answer: \"\"\n");

		catalog.reloadIfChanged();

		assertThat(catalog.current().find("greeting").orElseThrow().answers()).containsExactly("Hi!");
		assertThat(published).isEmpty();
		assertThat(output).contains("shop.yml:4: intent 'greeting' has an empty answer").contains("Keeping the 1 intents");
	}

	@Test
	void doesNothingWhileNothingChanged() {
		catalog.reloadIfChanged();

		assertThat(published).isEmpty();
	}

	@Test
	void picksUpANewFile() throws IOException {
		Files.writeString(dir.resolve("more.yml"),
				"intents:\n  - id: thanks\n    examples: [thank you]\n    answer: \"You're welcome\"\n");

		catalog.reloadIfChanged();

		assertThat(catalog.current().find("thanks")).isPresent();
	}

	private void write(String name, String example, String answer) throws IOException {
		Files.writeString(dir.resolve(name), "intents:\n  - id: greeting\n    examples: [" + example + "]\n    answer: \""
				+ answer + "\"\n");
	}
}
