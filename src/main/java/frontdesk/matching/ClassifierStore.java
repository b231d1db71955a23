package frontdesk.matching;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trained classifiers kept on disk, so a restart with the same intents loads them in milliseconds instead of training
 * them again. Training is deterministic, so a classifier is named by a hash of everything it was trained from: the
 * model and view, the examples' texts, labels and weights, and how training is done. One file per classifier,
 * {@code DATA/matching/classifiers/HASH.bin}, written whole and then moved into place, and ending in a CRC-32 of the
 * rest, so a file damaged on disk is trained again rather than answering with wrong weights; the least recently used
 * are removed beyond {@link #KEPT}. A file that cannot be read or written is not an error: the classifier is trained.
 */
final class ClassifierStore {

	private static final Logger log = LoggerFactory.getLogger(ClassifierStore.class);

	/** How many classifiers are kept: a few sets of intents' worth. */
	static final int KEPT = 64;

	/** Names the file format: files of another format are not read. */
	private static final String FORMAT = "crc32";

	private final Path dir;

	private ClassifierStore(Path dir) {
		this.dir = dir;
	}

	/** A store in a folder, created when first written. */
	static ClassifierStore in(Path dir) {
		return new ClassifierStore(dir);
	}

	/** A store that keeps nothing. */
	static ClassifierStore none() {
		return new ClassifierStore(null);
	}

	/**
	 * The hash of a training set: the key of every classifier trained on it, with the model and view added.
	 */
	static byte[] hash(List<String> texts, int[] labels, float[] weights, int classes) {
		MessageDigest sha = sha256();
		ByteBuffer numbers = ByteBuffer.allocate(12);
		for (int i = 0; i < texts.size(); i++) {
			sha.update(texts.get(i).getBytes(StandardCharsets.UTF_8));
			sha.update(numbers.clear().putInt(0).putInt(labels[i]).putFloat(weights[i]).flip());
		}
		sha.update(numbers.clear().putInt(classes).flip());
		return sha.digest();
	}

	/**
	 * The stored classifier for a view of a model trained on a set, or a new one trained and then stored.
	 * @param set the training set's {@link #hash}
	 * @param modelId the sentence model's id
	 * @param view the view, from 0
	 * @param training trains the classifier
	 */
	DenseSoftmax get(byte[] set, String modelId, int view, Supplier<DenseSoftmax> training) {
		if (dir == null) {
			return training.get();
		}
		MessageDigest sha = sha256();
		sha.update(set);
		sha.update((DenseSoftmax.TRAINING + "|" + modelId + "|" + view + "|" + FORMAT).getBytes(StandardCharsets.UTF_8));
		Path file = dir.resolve(HexFormat.of().formatHex(sha.digest()) + ".bin");
		try {
			DenseSoftmax classifier = read(Files.readAllBytes(file));
			Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
			return classifier;
		}
		catch (NoSuchFileException ex) {
			// trained below
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not read the trained classifier {} ({}); training it again", file, ex.toString());
		}
		DenseSoftmax classifier = training.get();
		write(file, classifier);
		return classifier;
	}

	/** A classifier from a file's bytes: the classifier, then the CRC-32 of its bytes. */
	static DenseSoftmax read(byte[] file) throws IOException {
		int length = file.length - Long.BYTES;
		if (length < 0 || checksum(file, length) != ByteBuffer.wrap(file, length, Long.BYTES).getLong()) {
			throw new IOException("damaged: its checksum does not match");
		}
		return DenseSoftmax.read(new DataInputStream(new ByteArrayInputStream(file, 0, length)));
	}

	/** A classifier as a file's bytes, as {@link #read} reads them. */
	private static byte[] bytes(DenseSoftmax classifier) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			classifier.write(out);
			out.writeLong(checksum(bytes.toByteArray(), bytes.size()));
		}
		return bytes.toByteArray();
	}

	private static long checksum(byte[] bytes, int length) {
		CRC32 crc = new CRC32();
		crc.update(bytes, 0, length);
		return crc.getValue();
	}

	private void write(Path file, DenseSoftmax classifier) {
		try {
			Files.createDirectories(dir);
			Path partial = Files.createTempFile(dir, file.getFileName().toString(), ".part");
			Files.write(partial, bytes(classifier));
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			prune();
		}
		catch (IOException ex) {
			log.warn("Could not keep the trained classifier in {} ({})", dir, ex.toString());
		}
	}

	/** Removes the least recently used classifiers beyond {@link #KEPT}. */
	private synchronized void prune() throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			List<Path> stored = files.filter((path) -> path.toString().endsWith(".bin"))
				.sorted(Comparator.comparing(ClassifierStore::lastUsed).reversed())
				.toList();
			for (Path old : stored.subList(Math.min(KEPT, stored.size()), stored.size())) {
				Files.deleteIfExists(old);
			}
		}
	}

	private static FileTime lastUsed(Path file) {
		try {
			return Files.getLastModifiedTime(file);
		}
		catch (IOException ex) {
			return FileTime.fromMillis(0);
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
