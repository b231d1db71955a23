package frontdesk.matching;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SentenceModel} run in process by ONNX Runtime. One pass over a text gives all the model's views: the
 * layers the views read are added to the ONNX graph's outputs when the model is loaded. Loading takes about half a
 * second, so each model is loaded once per process and shared. Thread-safe.
 */
final class SentenceEncoder {

	private static final Logger log = LoggerFactory.getLogger(SentenceEncoder.class);

	/** Only the start of a text is embedded: customers' questions are short, and a pasted letter should not cost more. */
	static final int MAX_WORDS = 96;

	/** The most tokens BERT-like models read. */
	private static final int MAX_TOKENS = 512;

	private static final Map<SentenceModel, SentenceEncoder> LOADED = new ConcurrentHashMap<>();

	/**
	 * How many numbers of example embeddings a process keeps in memory besides the disk cache (32 MB a model; about
	 * 4,000 examples of the larger bundled one): a shop's intents are all remembered, a larger set read from the cache.
	 */
	private static final long REMEMBERED_FLOATS = 8L << 20;

	private final SentenceModel model;

	/** The model's id, read once: for a model given by path it looks at the files. */
	private final String id;

	private final OrtEnvironment environment;

	private final OrtSession session;

	private final HuggingFaceTokenizer tokenizer;

	/** The graph output each view reads. */
	private final List<String> outputs;

	private final Set<String> requested;

	private final boolean tokenTypes;

	/** The length of one view's vector. */
	private final int width;

	/**
	 * The embeddings of example texts this process has made, by normalised text: several apps in one process (as in
	 * tests) then embed the same examples once, whatever their data folders.
	 */
	private final Map<String, float[]> remembered = new ConcurrentHashMap<>();

	/** The numbers in {@link #remembered}, about. */
	private final AtomicLong rememberedFloats = new AtomicLong();

	private SentenceEncoder(SentenceModel model, OrtEnvironment environment, OrtSession session,
			HuggingFaceTokenizer tokenizer) throws OrtException {
		this.model = model;
		this.id = model.id();
		this.environment = environment;
		this.session = session;
		this.tokenizer = tokenizer;
		String last = session.getOutputNames().iterator().next();
		this.outputs = model.views()
			.stream()
			.map((view) -> (view.layer() == SentenceModel.View.LAST) ? last : view.output())
			.toList();
		this.requested = new LinkedHashSet<>(outputs);
		this.tokenTypes = session.getInputNames().contains("token_type_ids");
		this.width = tokenVectors("hello").get(last)[0].length;
	}

	/**
	 * The model, loaded on first use.
	 * @param model which model and views
	 * @param dataDir where the native libraries are unpacked
	 */
	static SentenceEncoder of(SentenceModel model, Path dataDir) {
		NativeLibraries.prepare(dataDir);
		return LOADED.computeIfAbsent(model, SentenceEncoder::load);
	}

	private static SentenceEncoder load(SentenceModel model) {
		long started = System.nanoTime();
		try (InputStream tokenizerFile = model.tokenizer().openStream()) {
			OrtEnvironment environment = OrtEnvironment.getEnvironment();
			OrtSession.SessionOptions options = new OrtSession.SessionOptions();
			// one text at a time on one core: the lowest latency per message on a small shared machine
			options.setIntraOpNumThreads(1);
			options.setInterOpNumThreads(1);
			options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
			OrtSession session = environment.createSession(withOutputs(read(model), model.views()), options);
			HuggingFaceTokenizer tokenizer = tokenizer(tokenizerFile);
			SentenceEncoder encoder = new SentenceEncoder(model, environment, session, tokenizer);
			log.info("Loaded the sentence model {} ({} views) in {} ms", model.name(), model.views().size(),
					(System.nanoTime() - started) / 1_000_000);
			return encoder;
		}
		catch (OrtException ex) {
			throw new IllegalStateException("Cannot load the sentence model " + model.name() + ": " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the sentence model " + model.name(), ex);
		}
	}

	/**
	 * The tokenizer read from its {@code tokenizer.json}. The tokenizer library unpacks and loads its native code on
	 * first use, which two threads must not do at once, and finds that code through the thread's context class
	 * loader, which on a pool thread of the packaged jar cannot see the jar's libraries: its own class loader stands in.
	 */
	private static synchronized HuggingFaceTokenizer tokenizer(InputStream file) throws IOException {
		Thread thread = Thread.currentThread();
		ClassLoader context = thread.getContextClassLoader();
		thread.setContextClassLoader(HuggingFaceTokenizer.class.getClassLoader());
		try {
			return HuggingFaceTokenizer.newInstance(file,
					Map.of("padding", "false", "truncation", "true", "maxLength", String.valueOf(MAX_TOKENS)));
		}
		finally {
			thread.setContextClassLoader(context);
		}
	}

	private static byte[] read(SentenceModel model) throws IOException {
		try (InputStream in = model.model().openStream()) {
			return in.readAllBytes();
		}
	}

	/**
	 * The ONNX model with the views' layers added to the graph's outputs. An ONNX file is a protocol buffer, in which
	 * a message field that appears twice is merged: appending a graph that holds only the new outputs adds them to
	 * the model's graph, without parsing the rest.
	 */
	static byte[] withOutputs(byte[] onnx, List<SentenceModel.View> views) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(onnx.length + 64 * views.size());
		bytes.writeBytes(onnx);
		for (SentenceModel.View view : views) {
			if (view.layer() != SentenceModel.View.LAST) {
				byte[] valueInfo = field(1, view.output().getBytes(StandardCharsets.UTF_8));
				bytes.writeBytes(field(7, field(12, valueInfo)));
			}
		}
		return bytes.toByteArray();
	}

	/** A length-delimited protocol buffer field. */
	private static byte[] field(int number, byte[] content) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(content.length + 6);
		varint(bytes, (number << 3) | 2);
		varint(bytes, content.length);
		bytes.writeBytes(content);
		return bytes.toByteArray();
	}

	private static void varint(ByteArrayOutputStream bytes, int value) {
		while ((value & ~0x7F) != 0) {
			bytes.write((value & 0x7F) | 0x80);
			value >>>= 7;
		}
		bytes.write(value);
	}

	/** Names the model, its files and views; embeddings of different ids are never mixed. */
	String id() {
		return id;
	}

	String name() {
		return model.name();
	}

	/** How many views a text's embedding holds. */
	int views() {
		return outputs.size();
	}

	/** The length of one view. */
	int width() {
		return width;
	}

	/** The length of a text's embedding: all its views, one after another. */
	int dimension() {
		return width * outputs.size();
	}

	/**
	 * The embedding of a normalised text: its views one after another, each of length 1.
	 * @param normalized a text from {@link TextNormalizer}; must not be empty
	 */
	float[] embed(String normalized) {
		String text = firstWords(normalized);
		Map<String, float[][]> layers = tokenVectors(model.prefix().isEmpty() ? text : model.prefix() + " " + text);
		float[] embedding = new float[dimension()];
		for (int v = 0; v < outputs.size(); v++) {
			float[][] tokens = layers.get(outputs.get(v));
			int offset = v * width;
			if (model.views().get(v).pooling() == ModelSettings.Pooling.CLS) {
				System.arraycopy(tokens[0], 0, embedding, offset, width);
			}
			else {
				for (float[] token : tokens) {
					for (int j = 0; j < width; j++) {
						embedding[offset + j] += token[j];
					}
				}
			}
			normalize(embedding, offset, width);
		}
		return embedding;
	}

	private Map<String, float[][]> tokenVectors(String text) {
		Encoding encoding = tokenizer.encode(text);
		Map<String, OnnxTensor> inputs = new HashMap<>();
		try {
			inputs.put("input_ids", OnnxTensor.createTensor(environment, new long[][] { encoding.getIds() }));
			inputs.put("attention_mask", OnnxTensor.createTensor(environment, new long[][] { encoding.getAttentionMask() }));
			if (tokenTypes) {
				inputs.put("token_type_ids", OnnxTensor.createTensor(environment, new long[][] { encoding.getTypeIds() }));
			}
			try (OrtSession.Result result = session.run(inputs, requested)) {
				Map<String, float[][]> layers = new HashMap<>();
				for (String output : requested) {
					layers.put(output, ((float[][][]) result.get(output).orElseThrow().getValue())[0]);
				}
				return layers;
			}
		}
		catch (OrtException ex) {
			throw new IllegalStateException("The sentence model " + model.name() + " failed: " + ex.getMessage(), ex);
		}
		finally {
			inputs.values().forEach(OnnxTensor::close);
		}
	}

	private static void normalize(float[] vector, int offset, int length) {
		double sum = 0;
		for (int j = offset; j < offset + length; j++) {
			sum += vector[j] * vector[j];
		}
		float scale = (sum > 0) ? (float) (1 / Math.sqrt(sum)) : 0;
		for (int j = offset; j < offset + length; j++) {
			vector[j] *= scale;
		}
	}

	/** The embedding of an example text this process made before, or null. */
	float[] remembered(String normalized) {
		return remembered.get(normalized);
	}

	/** Keeps the embedding of an example text for this process. */
	void remember(String normalized, float[] vector) {
		if (rememberedFloats.addAndGet(vector.length) > REMEMBERED_FLOATS) {
			remembered.clear();
			rememberedFloats.set(vector.length);
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

}
