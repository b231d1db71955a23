package frontdesk.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A sentence-embedding model and the views read off it: each view is the token vectors of one layer, pooled into
 * one sentence vector. Layers below the last see a sentence differently (more by its words, less by its gist), and
 * a classifier per view, all voting together, understands more than one classifier on the last layer alone.
 *
 * @param name the model's name, as in the log
 * @param model the ONNX file
 * @param tokenizer its Hugging Face {@code tokenizer.json}
 * @param prefix put before every text with a space, for models trained with one (e5's {@code query:}); or empty
 * @param views the views read off the model, in order
 */
record SentenceModel(String name, URL model, URL tokenizer, String prefix, List<View> views) {

	/**
	 * The models bundled with Frontdesk, both BERT-like and English, quantised to 8 bits, 384 numbers per vector:
	 * BAAI's bge-small-en-v1.5 (12 layers) and sentence-transformers' all-MiniLM-L6-v2 (6 layers, trained on other
	 * data, so it errs elsewhere). Chosen on CLINC150's validation data: with no threshold, bge-small's last layer
	 * alone answers 96.7 % of it rightly, three views 97.5 %, five 97.8 %; MiniLM's two views make the threshold
	 * separate better (96.9 % of all validation rows right at the best threshold, against 96.7 % without). A third
	 * model, e5-small-v2, cost 3 ms per text and gained nothing there.
	 */
	static final List<SentenceModel> BUNDLED = List.of(
			bundled("bge-small-en-v1.5-q", "", View.last(ModelSettings.Pooling.CLS), View.layer(10), View.layer(9),
					View.layer(7), View.layer(6)),
			bundled("all-minilm-l6-v2-q", "", View.last(ModelSettings.Pooling.MEAN), View.layer(4)));

	SentenceModel {
		Objects.requireNonNull(model, "model");
		Objects.requireNonNull(tokenizer, "tokenizer");
		views = List.copyOf(views);
		if (views.isEmpty()) {
			throw new IllegalArgumentException("A sentence model needs at least one view");
		}
	}

	/**
	 * The models the settings name: the bundled ones, or the one model given by path, read by its last layer.
	 */
	static List<SentenceModel> of(ModelSettings.Encoder settings) {
		if (settings.modelPath() == null) {
			return BUNDLED;
		}
		try {
			return List.of(new SentenceModel(settings.modelPath().getFileName().toString().replaceAll("\\.onnx$", ""),
					settings.modelPath().toUri().toURL(), settings.tokenizerPath().toUri().toURL(), settings.prefix(),
					List.of(View.last(settings.pooling()))));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static SentenceModel bundled(String name, String prefix, View... views) {
		URL model = SentenceModel.class.getResource("/" + name + ".onnx");
		URL tokenizer = SentenceModel.class.getResource("/" + name + "-tokenizer.json");
		if (model == null || tokenizer == null) {
			throw new IllegalStateException("The sentence model " + name + " is missing from the class path");
		}
		return new SentenceModel(name, model, tokenizer, prefix, List.of(views));
	}

	/**
	 * Names the model, its files and its views: embeddings of different ids are never mixed, so a changed file or
	 * another choice of views gets embeddings of its own.
	 */
	String id() {
		String views = views().stream().map(View::toString).collect(Collectors.joining("."));
		String files = (model.getProtocol().equals("file")) ? "-" + Integer.toHexString(fileStamp() & 0x7fffffff)
				: entryStamp();
		return name.replaceAll("[^A-Za-z0-9._-]", "_") + files + "-" + views;
	}

	/**
	 * For a model inside a jar (the bundled ones), the checksums the jar keeps of its files: a new version of the model
	 * gets embeddings of its own, not those of the version before. Empty where the files are not in a jar.
	 */
	private String entryStamp() {
		try {
			if (model.openConnection() instanceof JarURLConnection modelEntry
					&& tokenizer.openConnection() instanceof JarURLConnection tokenizerEntry) {
				return "-" + Integer.toHexString(Objects.hash(modelEntry.getJarEntry().getCrc(),
						tokenizerEntry.getJarEntry().getCrc()) & 0x7fffffff);
			}
			return "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the sentence model " + model, ex);
		}
	}

	private int fileStamp() {
		try {
			Path modelFile = Path.of(model.toURI());
			Path tokenizerFile = Path.of(tokenizer.toURI());
			return Objects.hash(Files.size(modelFile), Files.getLastModifiedTime(modelFile).toMillis(),
					Files.size(tokenizerFile), Files.getLastModifiedTime(tokenizerFile).toMillis(), prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the sentence model " + model, ex);
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One view of a sentence: the token vectors of a layer, pooled.
	 *
	 * @param layer the transformer layer, from 0, or {@link #LAST} for the model's output
	 * @param pooling how the token vectors become one
	 */
	record View(int layer, ModelSettings.Pooling pooling) {

		static final int LAST = -1;

		static View last(ModelSettings.Pooling pooling) {
			return new View(LAST, pooling);
		}

		/** The mean of a lower layer's token vectors. */
		static View layer(int layer) {
			return new View(layer, ModelSettings.Pooling.MEAN);
		}

		/** The name of the layer's output in an ONNX export of a Hugging Face BERT model. */
		String output() {
			return "/encoder/layer." + layer + "/output/LayerNorm/Add_1_output_0";
		}

		@Override
		public String toString() {
			return pooling.name().toLowerCase(java.util.Locale.ROOT) + ((layer == LAST) ? "" : layer);
		}

	}

}
