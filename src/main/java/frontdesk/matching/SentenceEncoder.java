package frontdesk.matching;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sentence-embedding model run in process by ONNX Runtime: by default BAAI's bge-small-en-v1.5 (quantised, 384
 * dimensions) that ships inside the langchain4j jar, or any BERT-like ONNX model and its tokenizer.json given by
 * path, for other languages. Loading takes about a second, so each model is loaded once per process and shared.
 * Thread-safe.
 */
final class SentenceEncoder {

	private static final Logger log = LoggerFactory.getLogger(SentenceEncoder.class);

	static final String BUNDLED_ID = "bge-small-en-v1.5-q";

	private static final String BUNDLED_MODEL = "/bge-small-en-v1.5-q.onnx";

	private static final String BUNDLED_TOKENIZER = "/bge-small-en-v1.5-q-tokenizer.json";

	/** Only the start of a text is embedded: customers' questions are short, and a pasted letter should not cost more. */
	static final int MAX_WORDS = 96;

	private static final Map<ModelSettings.Encoder, SentenceEncoder> LOADED = new ConcurrentHashMap<>();

	/** How many example embeddings a process keeps in memory besides the disk cache. */
	private static final int REMEMBERED = 50_000;

	private final String id;

	private final Model model;

	private final int dimension;

	/**
	 * The embeddings of example texts this process has made, by normalised text: several apps in one process (as in
	 * tests) then embed the same examples once, whatever their data folders.
	 */
	private final Map<String, float[]> remembered = new ConcurrentHashMap<>();

	private SentenceEncoder(String id, Model model) {
		this.id = id;
		this.model = model;
		this.dimension = model.embed("hello").content().dimension();
	}

	/**
	 * The model the settings name, loaded on first use.
	 * @param settings which model and tokenizer
	 * @param dataDir where the native libraries are unpacked
	 */
	static SentenceEncoder of(ModelSettings.Encoder settings, Path dataDir) {
		NativeLibraries.prepare(dataDir);
		return LOADED.computeIfAbsent(settings, SentenceEncoder::load);
	}

	private static SentenceEncoder load(ModelSettings.Encoder settings) {
		long started = System.nanoTime();
		try {
			OrtEnvironment environment = OrtEnvironment.getEnvironment();
			OrtSession.SessionOptions options = new OrtSession.SessionOptions();
			// one text at a time on one core: the lowest latency per message on a small shared machine
			options.setIntraOpNumThreads(1);
			options.setInterOpNumThreads(1);
			options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
			SentenceEncoder encoder;
			if (settings.modelPath() == null) {
				OrtSession session = environment.createSession(resource(BUNDLED_MODEL), options);
				encoder = new SentenceEncoder(BUNDLED_ID, new Model(new OnnxBertBiEncoder(environment, session,
						new ByteArrayInputStream(resource(BUNDLED_TOKENIZER)), PoolingMode.CLS)));
			}
			else {
				OrtSession session = environment.createSession(settings.modelPath().toString(), options);
				try (InputStream tokenizer = Files.newInputStream(settings.tokenizerPath())) {
					encoder = new SentenceEncoder(fileId(settings), new Model(new OnnxBertBiEncoder(environment, session,
							tokenizer, settings.pooling() == ModelSettings.Pooling.CLS ? PoolingMode.CLS : PoolingMode.MEAN)));
				}
			}
			log.info("Loaded the sentence model {} in {} ms", encoder.id, (System.nanoTime() - started) / 1_000_000);
			return encoder;
		}
		catch (OrtException ex) {
			throw new IllegalStateException("Cannot load the sentence model: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the sentence model's tokenizer " + settings.tokenizerPath(), ex);
		}
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = SentenceEncoder.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IOException(name + " is missing from the class path");
			}
			return in.readAllBytes();
		}
	}

	/** Names a model given by path after its files, so a changed file gets embeddings of its own. */
	private static String fileId(ModelSettings.Encoder settings) throws IOException {
		Path model = settings.modelPath();
		Path tokenizer = settings.tokenizerPath();
		String files = model.getFileName() + "|" + Files.size(model) + "|" + Files.getLastModifiedTime(model).toMillis()
				+ "|" + Files.size(tokenizer) + "|" + Files.getLastModifiedTime(tokenizer).toMillis() + "|"
				+ settings.pooling();
		String name = model.getFileName().toString().replaceAll("\\.onnx$", "").replaceAll("[^A-Za-z0-9._-]", "_");
		return name + "-" + Integer.toHexString(Objects.hash(files) & 0x7fffffff);
	}

	/** Names the model and its files; embeddings of different ids are never mixed. */
	String id() {
		return id;
	}

	int dimension() {
		return dimension;
	}

	/**
	 * The embedding of a normalised text, length 1.
	 * @param normalized a text from {@link TextNormalizer}; must not be empty
	 */
	float[] embed(String normalized) {
		return model.embed(firstWords(normalized)).content().vector();
	}

	/** The embedding of an example text this process made before, or null. */
	float[] remembered(String normalized) {
		return remembered.get(normalized);
	}

	/** Keeps the embedding of an example text for this process. */
	void remember(String normalized, float[] vector) {
		if (remembered.size() >= REMEMBERED) {
			remembered.clear();
		}
		remembered.put(normalized, vector);
	}

	private static String firstWords(String text) {
		int words = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == ' ' && ++words == MAX_WORDS) {
				return text.substring(0, i);
			}
		}
		return text;
	}

	/** The langchain4j model around an encoder whose session this class configured. */
	private static final class Model extends AbstractInProcessEmbeddingModel {

		private final OnnxBertBiEncoder encoder;

		Model(OnnxBertBiEncoder encoder) {
			super(Runnable::run);
			this.encoder = encoder;
		}

		@Override
		protected OnnxBertBiEncoder model() {
			return encoder;
		}

	}

}
