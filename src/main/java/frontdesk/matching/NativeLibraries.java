package frontdesk.matching;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the files of the sentence model's native libraries under the app's data folder rather than the user's home
 * or the system's temporary folder: ONNX Runtime is loaded from copies unpacked once to
 * {@code DATA/native/onnxruntime}, and the tokenizer library is unpacked to {@code DATA/native/djl}. Settings the
 * operator made themselves ({@code -Donnxruntime.native.path}, {@code DJL_CACHE_DIR}) are left alone.
 */
final class NativeLibraries {

	private static final Logger log = LoggerFactory.getLogger(NativeLibraries.class);

	static final String ONNXRUNTIME_PATH = "onnxruntime.native.path";

	static final String DJL_CACHE = "DJL_CACHE_DIR";

	private static final String[] ONNXRUNTIME_LIBRARIES = { "onnxruntime", "onnxruntime4j_jni" };

	private static boolean prepared;

	private NativeLibraries() {
	}

	/**
	 * Points the native libraries at the data folder; only the first call in a process has an effect, since a
	 * library once loaded stays loaded.
	 * @param dataDir the app's data folder
	 */
	static synchronized void prepare(Path dataDir) {
		if (prepared) {
			return;
		}
		prepared = true;
		Path dir = dataDir.resolve("native").toAbsolutePath().normalize();
		if (System.getenv(DJL_CACHE) == null && System.getProperty(DJL_CACHE) == null) {
			System.setProperty(DJL_CACHE, dir.resolve("djl").toString());
		}
		Path onnxRuntime = dir.resolve("onnxruntime");
		if (System.getProperty(ONNXRUNTIME_PATH) == null && unpackOnnxRuntime(onnxRuntime)) {
			System.setProperty(ONNXRUNTIME_PATH, onnxRuntime.toString());
		}
	}

	/**
	 * Copies the platform's ONNX Runtime libraries out of the jar, unless the same copies are already there. Copies
	 * are compared byte for byte: two versions' libraries can have the same size (1.20's and 1.22's JNI library do),
	 * and after an upgrade one version's library cannot load with the other's.
	 * @return true if the libraries are in {@code target}; false if ONNX Runtime must unpack itself
	 */
	static boolean unpackOnnxRuntime(Path target) {
		String platform = onnxRuntimePlatform();
		if (platform == null) {
			return false;
		}
		try {
			for (String library : ONNXRUNTIME_LIBRARIES) {
				String name = System.mapLibraryName(library);
				String resource = "/ai/onnxruntime/native/" + platform + "/" + name;
				try (InputStream in = NativeLibraries.class.getResourceAsStream(resource)) {
					if (in == null) {
						return false;
					}
					byte[] bytes = in.readAllBytes();
					Path file = target.resolve(name);
					if (Files.isRegularFile(file) && Files.size(file) == bytes.length
							&& Arrays.equals(Files.readAllBytes(file), bytes)) {
						continue;
					}
					Files.createDirectories(target);
					Path partial = Files.createTempFile(target, name, ".part");
					Files.write(partial, bytes);
					Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				}
			}
			return true;
		}
		catch (IOException ex) {
			log.warn("Could not unpack ONNX Runtime to {} ({}); it unpacks itself to the temporary folder instead",
					target, ex.getMessage());
			return false;
		}
	}

	/** The folder name ONNX Runtime's jar uses for this operating system and processor, or null if it has none. */
	private static String onnxRuntimePlatform() {
		String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
		String system = os.contains("linux") ? "linux" : (os.contains("mac") || os.contains("darwin")) ? "osx"
				: os.contains("win") ? "win" : null;
		String processor = (arch.equals("amd64") || arch.equals("x86_64")) ? "x64"
				: arch.equals("aarch64") ? "aarch64" : null;
		return (system == null || processor == null) ? null : system + "-" + processor;
	}

}
