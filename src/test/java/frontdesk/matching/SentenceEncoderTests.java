package frontdesk.matching;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The bundled sentence models, read in several views at once, and a model given by path.
 */
class SentenceEncoderTests {

	static final Path DATA = Path.of("target", "test-data", "sentence-encoder");

	@TempDir
	Path dir;

	final SentenceEncoder bge = SentenceEncoder.of(SentenceModel.BUNDLED.get(0), DATA);

	@Test
	void readsEveryViewInOnePassEachOfLengthOne() {
		float[] embedding = bge.embed("where is my order");

		assertThat(bge.views()).isEqualTo(5);
		assertThat(bge.width()).isEqualTo(384);
		assertThat(embedding).hasSize(5 * 384);
		for (int view = 0; view < bge.views(); view++) {
			assertThat(dot(embedding, view, embedding, view)).as("view " + view).isCloseTo(1, within(1e-4));
		}
	}

	@Test
	void everyViewSeesTheTextDifferently() {
		float[] embedding = bge.embed("where is my order");

		for (int view = 1; view < bge.views(); view++) {
			assertThat(dot(embedding, 0, embedding, view)).as("view " + view).isLessThan(0.99);
		}
	}

	@Test
	void everyViewPutsAlikeQuestionsCloserThanUnrelatedOnes() {
		for (SentenceModel model : SentenceModel.BUNDLED) {
			SentenceEncoder encoder = SentenceEncoder.of(model, DATA);
			float[] parcel = encoder.embed("where is my parcel");
			float[] order = encoder.embed("track my order");
			float[] weather = encoder.embed("will it rain tomorrow");
			for (int view = 0; view < encoder.views(); view++) {
				assertThat(dot(parcel, view, order, view)).as(model.name() + " view " + view)
					.isGreaterThan(dot(parcel, view, weather, view));
			}
		}
	}

	@Test
	void readsAModelGivenByPathByItsLastLayer() throws IOException {
		Path model = copy("/all-minilm-l6-v2-q.onnx", dir.resolve("minilm.onnx"));
		Path tokenizer = copy("/all-minilm-l6-v2-q-tokenizer.json", dir.resolve("tokenizer.json"));

		List<SentenceModel> models = SentenceModel
			.of(new ModelSettings.Encoder(model, tokenizer, ModelSettings.Pooling.MEAN, ""));

		assertThat(models).singleElement().satisfies((byPath) -> {
			assertThat(byPath.views()).containsExactly(SentenceModel.View.last(ModelSettings.Pooling.MEAN));
			assertThat(byPath.id()).startsWith("minilm-").isNotEqualTo(SentenceModel.BUNDLED.get(1).id());
			float[] own = SentenceEncoder.of(byPath, DATA).embed("where is my parcel");
			float[] bundled = SentenceEncoder.of(SentenceModel.BUNDLED.get(1), DATA).embed("where is my parcel");
			assertThat(own).hasSize(384);
			assertThat(dot(own, 0, bundled, 0)).isCloseTo(1, within(1e-4));
		});
	}

	@Test
	void putsTheModelsPrefixBeforeEveryText() throws IOException {
		Path model = copy("/all-minilm-l6-v2-q.onnx", dir.resolve("minilm.onnx"));
		Path tokenizer = copy("/all-minilm-l6-v2-q-tokenizer.json", dir.resolve("tokenizer.json"));
		SentenceModel plain = SentenceModel
			.of(new ModelSettings.Encoder(model, tokenizer, ModelSettings.Pooling.MEAN, ""))
			.get(0);
		SentenceModel prefixed = SentenceModel
			.of(new ModelSettings.Encoder(model, tokenizer, ModelSettings.Pooling.MEAN, "query:"))
			.get(0);

		float[] withPrefix = SentenceEncoder.of(prefixed, DATA).embed("where is my parcel");
		float[] without = SentenceEncoder.of(plain, DATA).embed("where is my parcel");

		assertThat(prefixed.id()).isNotEqualTo(plain.id());
		assertThat(dot(withPrefix, 0, without, 0)).isLessThan(0.999).isGreaterThan(0.5);
	}

	@Test
	void namesItsEmbeddingsAfterTheModelAndItsViews() {
		SentenceModel bundled = SentenceModel.BUNDLED.get(0);
		SentenceModel oneView = new SentenceModel(bundled.name(), bundled.model(), bundled.tokenizer(), "",
				List.of(SentenceModel.View.last(ModelSettings.Pooling.CLS)));

		// the stamp is the checksums the jar keeps of the model's files
		assertThat(bundled.id()).matches("bge-small-en-v1\\.5-q-[0-9a-f]+-cls\\.mean10\\.mean9\\.mean7\\.mean6");
		assertThat(oneView.id()).isEqualTo(bundled.id().replace(".mean10.mean9.mean7.mean6", ""));
	}

	@Test
	void aNewVersionOfABundledModelGetsEmbeddingsOfItsOwn() throws IOException {
		SentenceModel first = inJar("first.jar", "model, version 1");
		SentenceModel same = inJar("same.jar", "model, version 1");
		SentenceModel second = inJar("second.jar", "model, version 2");

		assertThat(first.id()).isEqualTo(same.id()).isNotEqualTo(second.id());
	}

	/** A model named "test" whose files lie in a jar, as the bundled ones do. */
	private SentenceModel inJar(String jarName, String modelBytes) throws IOException {
		Path jar = dir.resolve(jarName);
		try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
			out.putNextEntry(new java.util.jar.JarEntry("test.onnx"));
			out.write(modelBytes.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			out.putNextEntry(new java.util.jar.JarEntry("test-tokenizer.json"));
			out.write("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		String base = "jar:" + jar.toUri() + "!/";
		return new SentenceModel("test", java.net.URI.create(base + "test.onnx").toURL(),
				java.net.URI.create(base + "test-tokenizer.json").toURL(), "",
				List.of(SentenceModel.View.last(ModelSettings.Pooling.CLS)));
	}

	/**
	 * The packaged jar's libraries are seen only by its own class loader, not by a pool thread's context class
	 * loader, and the first model may load on such a thread. A new process, since the tokenizer library is looked
	 * for once per process.
	 */
	@Test
	void loadsOnAThreadWhoseContextClassLoaderCannotSeeTheLibraries() throws Exception {
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), LoadOnBlindThread.class.getName(), dir.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());

		assertThat(process.waitFor()).as(output).isZero();
		assertThat(output).contains("views: 5");
	}

	/** Loads bge-small on a thread whose context class loader sees only the JDK. */
	static final class LoadOnBlindThread {

		public static void main(String[] args) throws Exception {
			Thread thread = new Thread(() -> System.out.println(
					"views: " + SentenceEncoder.of(SentenceModel.BUNDLED.get(0), Path.of(args[0])).views()));
			thread.setContextClassLoader(new java.net.URLClassLoader(new java.net.URL[0], null));
			Throwable[] failure = new Throwable[1];
			thread.setUncaughtExceptionHandler((t, ex) -> failure[0] = ex);
			thread.start();
			thread.join();
			if (failure[0] != null) {
				failure[0].printStackTrace();
				System.exit(1);
			}
			System.exit(0);
		}

	}

	private static Path copy(String resource, Path target) throws IOException {
		try (InputStream in = SentenceEncoderTests.class.getResourceAsStream(resource)) {
			Files.copy(in, target);
		}
		return target;
	}

	private static double dot(float[] a, int viewA, float[] b, int viewB) {
		double sum = 0;
		for (int j = 0; j < 384; j++) {
			sum += a[viewA * 384 + j] * b[viewB * 384 + j];
		}
		return sum;
	}

}
