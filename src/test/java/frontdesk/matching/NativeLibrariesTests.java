package frontdesk.matching;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sentence model's native libraries live under the data folder of the first app in the process, not in the
 * user's home.
 */
class NativeLibrariesTests {

	@Test
	void unpacksOnnxRuntimeAndTheTokenizerUnderTheDataFolder() {
		SentenceEncoder encoder = SentenceEncoder.of(SentenceModel.BUNDLED.get(0), Path.of("target", "test-data", "native"));

		assertThat(encoder.embed("hello there")).hasSize(encoder.views() * 384);
		Path onnxRuntime = Path.of(System.getProperty(NativeLibraries.ONNXRUNTIME_PATH));
		assertThat(onnxRuntime.resolve(System.mapLibraryName("onnxruntime"))).isRegularFile();
		assertThat(onnxRuntime.toString()).endsWith(Path.of("native", "onnxruntime").toString());
		if (System.getenv(NativeLibraries.DJL_CACHE) == null) {
			Path tokenizers = Path.of(System.getProperty(NativeLibraries.DJL_CACHE));
			assertThat(tokenizers.getParent()).isEqualTo(onnxRuntime.getParent());
			assertThat(Files.exists(tokenizers)).isTrue();
		}
		assertThat(onnxRuntime.startsWith(Path.of(System.getProperty("user.home"), ".djl.ai"))).isFalse();
	}

}
