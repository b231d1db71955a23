package frontdesk.matching;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * Which matcher understands the customers.
 *
 * @param model {@code semantic} (a sentence-embedding model with a classifier on top, the default) or
 * {@code lexical} (words and word parts only: no model to load, a smaller footprint)
 * @param encoder the sentence model the semantic matcher uses
 * @param waitForModel whether start-up waits until the semantic matcher is ready, so that even the first message is
 * understood by meaning; by default the app starts at once and the lexical matcher answers meanwhile (1–2 s when the
 * intents are unchanged since the last run, longer when the examples must be embedded and trained on)
 */
@ConfigurationProperties("frontdesk.matching")
public record ModelSettings(@DefaultValue("semantic") Kind model, @DefaultValue Encoder encoder,
		@DefaultValue("false") boolean waitForModel) {

	public ModelSettings {
		Assert.notNull(model, "frontdesk.matching.model must be semantic or lexical");
		Assert.notNull(encoder, "encoder must not be null");
	}

	/** The settings used when nothing is configured. */
	public static ModelSettings defaults() {
		return new ModelSettings(Kind.SEMANTIC, Encoder.BUNDLED, false);
	}

	/** The kinds of matcher. */
	public enum Kind {

		/** Meaning: sentence-embedding models with classifiers on top, joined with the lexical features. */
		SEMANTIC,

		/** Words, word pairs and character n-grams only. */
		LEXICAL

	}

	/** How a model turns its token vectors into one sentence vector. */
	public enum Pooling {

		/** The vector of the first token ([CLS]), as BGE models are trained. */
		CLS,

		/** The mean of the token vectors, as most sentence-transformers models are trained. */
		MEAN

	}

	/**
	 * The sentence model: the bundled English models when no path is set (see {@link SentenceModel#BUNDLED}), or an
	 * ONNX export of another BERT-like sentence model (for other languages) with its Hugging Face
	 * {@code tokenizer.json}.
	 *
	 * @param modelPath the {@code .onnx} file, or none for the bundled model
	 * @param tokenizerPath the model's {@code tokenizer.json}; needed with {@code modelPath}
	 * @param pooling how the model pools its token vectors; for a model given by path, {@code mean} unless set
	 * @param prefix put before every text with a space, for models trained with one, such as e5's {@code query:}
	 */
	public record Encoder(Path modelPath, Path tokenizerPath, Pooling pooling, String prefix) {

		static final Encoder BUNDLED = new Encoder(null, null, null, null);

		public Encoder {
			Assert.isTrue((modelPath == null) == (tokenizerPath == null),
					"frontdesk.matching.encoder.model-path and tokenizer-path go together");
			if (modelPath != null) {
				Assert.isTrue(Files.isRegularFile(modelPath), () -> "No model file at " + modelPath.toAbsolutePath());
				Assert.isTrue(Files.isRegularFile(tokenizerPath),
						() -> "No tokenizer file at " + tokenizerPath.toAbsolutePath());
				pooling = (pooling != null) ? pooling : Pooling.MEAN;
			}
			else {
				pooling = null;
			}
			prefix = (prefix != null) ? prefix.strip() : "";
		}

	}

}
