package frontdesk.matching;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

	@Test
	void replacesACopyLeftByAnotherVersionOfTheSameSize(@TempDir Path dataDir) throws IOException {
		Path target = dataDir.resolve("onnxruntime");
		assertThat(NativeLibraries.unpackOnnxRuntime(target)).isTrue();
		Path jni = target.resolve(System.mapLibraryName("onnxruntime4j_jni"));
		byte[] shipped = Files.readAllBytes(jni);
		byte[] otherVersion = shipped.clone();
		otherVersion[otherVersion.length / 2] ^= 1;
		Files.write(jni, otherVersion);

		assertThat(NativeLibraries.unpackOnnxRuntime(target)).isTrue();

		assertThat(jni).hasBinaryContent(shipped);
	}

	@Test
	void leavesTheSameCopiesAlone(@TempDir Path dataDir) throws IOException {
		Path target = dataDir.resolve("onnxruntime");
		NativeLibraries.unpackOnnxRuntime(target);
		Path library = target.resolve(System.mapLibraryName("onnxruntime"));
		FileTime earlier = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
		Files.setLastModifiedTime(library, earlier);

		assertThat(NativeLibraries.unpackOnnxRuntime(target)).isTrue();

		assertThat(Files.getLastModifiedTime(library)).isEqualTo(earlier);
	}

}
