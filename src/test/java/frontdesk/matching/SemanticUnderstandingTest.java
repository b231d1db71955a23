package frontdesk.matching;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app started with {@code frontdesk.matching.model=semantic} answers at once, understands the shipped intents by
 * meaning as soon as its models are ready, and keeps the examples' embeddings in its data folder.
 */
@SpringBootTest
class SemanticUnderstandingTest {

	static final String DATA_DIR = "./target/test-data/semantic-" + System.nanoTime();

	static final Path DATA = Path.of(DATA_DIR);

	@Autowired
	Understanding understanding;

	@Autowired
	MatcherFactory factory;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.matching.model", () -> "semantic");
		registry.add("frontdesk.data-dir", () -> DATA_DIR);
		registry.add("frontdesk.matching.wait-for-model", () -> "false");
	}

	@Test
	void answersByMeaningOnceTheModelIsReady() throws Exception {
		assertThat(factory).isInstanceOf(SemanticMatcherFactory.class);
		assertThat(understanding.current().match("where is my order").best()).map(ScoredIntent::intentId)
			.hasValue("track_order");

		understanding.ready().get(2, TimeUnit.MINUTES);

		assertThat(understanding.current().matcher()).isInstanceOf(SemanticMatcher.class);
		MatchResult result = understanding.current().match("my new lamp is smashed");

		assertThat(result.verdict()).isEqualTo(Verdict.CONFIDENT);
		assertThat(result.best()).map(ScoredIntent::intentId).hasValue("item_damaged");
		assertThat(understanding.current().match("who won the football yesterday").verdict()).isEqualTo(Verdict.UNKNOWN);
	}

	@Test
	void keepsTheExamplesEmbeddingsInTheDataFolder() throws Exception {
		understanding.ready().get(2, TimeUnit.MINUTES);
		for (SentenceModel model : SentenceModel.BUNDLED) {
			Path cache = DATA.resolve("matching").resolve("embeddings-" + model.id() + ".bin");
			assertThat(cache).isRegularFile();
			assertThat(Files.size(cache)).isGreaterThan(300L * model.views().size() * 384 * 4);
		}
	}

}
