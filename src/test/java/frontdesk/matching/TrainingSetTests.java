package frontdesk.matching;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import frontdesk.intent.IntentLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples of what not to answer: the business's own, or the built-in ones when it gives none.
 */
class TrainingSetTests {

	@Test
	void intentsWithOutOfScopeExamplesTrainOnThoseAlone() {
		TrainingSet set = Understanding.trainingSet(IntentLoader.load(Path.of("intents")));

		assertThat(set.outOfScopeExamples()).contains("tell me a joke", "what's the capital of australia")
			.doesNotContainAnyElementsOf(TrainingSet.builtInOutOfScope());
	}

	@Test
	void intentsWithoutOutOfScopeExamplesTrainOnTheBuiltInOnes(@TempDir Path dir) throws IOException {
		Files.writeString(dir.resolve("hours.yml"), """
				intents:
				  - id: opening_hours
				    examples: [when are you open]
				    answer: ["Nine to five."]
				""");

		TrainingSet set = Understanding.trainingSet(IntentLoader.load(dir));

		assertThat(set.examplesByIntent()).isEqualTo(Map.of("opening_hours", List.of("when are you open")));
		assertThat(set.outOfScopeExamples()).isEqualTo(TrainingSet.builtInOutOfScope());
	}

	@Test
	void labelledTextsWithoutOutOfScopeRowsTrainOnTheBuiltInOnes() {
		TrainingSet set = Evaluation.trainingSet(List.of(new LabelledText("hi", "greeting")));

		assertThat(set.outOfScopeExamples()).isEqualTo(TrainingSet.builtInOutOfScope());
	}

	@Test
	void theBuiltInOnesAreManyDistinctTextsWithoutTheFilesComments() {
		List<String> builtIn = TrainingSet.builtInOutOfScope();

		assertThat(builtIn).hasSizeGreaterThanOrEqualTo(100)
			.contains("will it be sunny this weekend", "asdfghjkl")
			.allSatisfy((text) -> assertThat(text).isNotBlank().doesNotStartWith("#"));
		assertThat(builtIn.stream().map(TextNormalizer::normalize).distinct()).hasSameSizeAs(builtIn);
	}

}
