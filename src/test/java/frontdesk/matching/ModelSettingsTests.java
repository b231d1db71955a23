package frontdesk.matching;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

class ModelSettingsTests {

	@TempDir
	Path dir;

	final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Config.class)
		.withPropertyValues("frontdesk.data-dir=" + Path.of("target", "test-data", "model-settings"));

	@Test
	void understandsByMeaningUnlessToldOtherwise() {
		context.run((context) -> {
			assertThat(context).getBean(ModelSettings.class).isEqualTo(ModelSettings.defaults());
			assertThat(context).getBean(MatcherFactory.class).isInstanceOf(SemanticMatcherFactory.class);
		});
	}

	@Test
	void usesTheLexicalMatcherWhenAskedTo() {
		context.withPropertyValues("frontdesk.matching.model=lexical")
			.run((context) -> assertThat(context).getBean(MatcherFactory.class).isInstanceOf(LexicalMatcherFactory.class));
	}

	@Test
	void readsAnotherModelByPath() throws IOException {
		Path model = Files.writeString(dir.resolve("model.onnx"), "onnx");
		Path tokenizer = Files.writeString(dir.resolve("tokenizer.json"), "{}");

		context.withPropertyValues("frontdesk.matching.encoder.model-path=" + model,
				"frontdesk.matching.encoder.tokenizer-path=" + tokenizer)
			.run((context) -> assertThat(context).getBean(ModelSettings.class)
				.extracting(ModelSettings::encoder)
				.isEqualTo(new ModelSettings.Encoder(model, tokenizer, ModelSettings.Pooling.MEAN, "")));
	}

	@Test
	void readsThePrefixAnotherModelExpects() throws IOException {
		Path model = Files.writeString(dir.resolve("e5.onnx"), "onnx");
		Path tokenizer = Files.writeString(dir.resolve("tokenizer.json"), "{}");

		context.withPropertyValues("frontdesk.matching.encoder.model-path=" + model,
				"frontdesk.matching.encoder.tokenizer-path=" + tokenizer, "frontdesk.matching.encoder.prefix=query: ")
			.run((context) -> assertThat(context).getBean(ModelSettings.class)
				.extracting(ModelSettings::encoder)
				.isEqualTo(new ModelSettings.Encoder(model, tokenizer, ModelSettings.Pooling.MEAN, "query:")));
	}

	@Test
	void refusesToStartWithAModelButNoTokenizer() throws IOException {
		Path model = Files.writeString(dir.resolve("model.onnx"), "onnx");

		context.withPropertyValues("frontdesk.matching.encoder.model-path=" + model)
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void refusesToStartWithAMissingModelFile() {
		context.withPropertyValues("frontdesk.matching.encoder.model-path=" + dir.resolve("missing.onnx"),
				"frontdesk.matching.encoder.tokenizer-path=" + dir.resolve("missing.json"))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("missing.onnx"));
	}

	@Test
	void refusesToStartWithAnUnknownMatcher() {
		context.withPropertyValues("frontdesk.matching.model=neural").run((context) -> assertThat(context).hasFailed());
	}

	@EnableConfigurationProperties({ MatchingSettings.class, ModelSettings.class })
	@Import(MatchingConfiguration.class)
	static class Config {

	}

}
