package frontdesk.matching;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embeddings of example texts, kept on disk so a restart, or a reload after one file changed, embeds only the
 * texts it has not seen. One file per model, {@code DATA/matching/embeddings-MODEL.bin}: a header naming the model,
 * then records of the text's key (SHA-256 of the model id and the normalised text, first 16 bytes), the vector and
 * a checksum. Records are only appended; a torn or damaged record at the end is dropped on loading. Only the keys and
 * where their records lie are held in memory: a vector is read from the file when it is asked for, so a cache that
 * has grown large (an {@code evaluate} run on a public data set in the app's data folder, or years of edited examples)
 * costs the app neither heap nor start-up time beyond reading it through once. Thread-safe.
 */
final class EmbeddingCache {

	private static final Logger log = LoggerFactory.getLogger(EmbeddingCache.class);

	private static final int MAGIC = 0x46444531;

	private static final int KEY_BYTES = 16;

	private final String modelId;

	private final int dimension;

	private final Path file;

	/** Where the record of each key lies in the file. */
	private final Map<Key, Long> positions = new HashMap<>();

	/** The vectors this process could not write to the file (it has none, or a write failed), kept in memory instead. */
	private final Map<Key, float[]> added = new HashMap<>();

	private final int recordBytes;

	/** Reads records (and, while the file is opened, checks and mends it); null without a file. */
	private FileChannel reader;

	/** Appends records; null without a file, or once a write failed. */
	private FileChannel channel;

	private EmbeddingCache(String modelId, int dimension, Path file) {
		this.modelId = modelId;
		this.dimension = dimension;
		this.file = file;
		this.recordBytes = KEY_BYTES + 4 * dimension + 4;
	}

	/**
	 * Opens the cache of a model in a folder, creating it if needed. A cache that cannot be read or written is not an
	 * error: the embeddings are then computed each time.
	 * @param dir the folder
	 * @param modelId the model's id
	 * @param dimension the length of its vectors
	 */
	static EmbeddingCache open(Path dir, String modelId, int dimension) {
		EmbeddingCache cache = new EmbeddingCache(modelId, dimension,
				dir.resolve("embeddings-" + modelId.replaceAll("[^A-Za-z0-9._-]", "_") + ".bin"));
		try {
			cache.load();
		}
		catch (IOException ex) {
			log.warn("Cannot use the embedding cache {} ({}); examples are embedded anew", cache.file, ex.getMessage());
			cache.close();
		}
		return cache;
	}

	/** An empty cache that keeps nothing, for when there is no data folder. */
	static EmbeddingCache none(String modelId, int dimension) {
		return new EmbeddingCache(modelId, dimension, null);
	}

	private void load() throws IOException {
		Files.createDirectories(file.getParent());
		reader = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
		load(reader);
		// appends go to the end even when another process (an evaluate run) appends to the same file
		channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
	}

	private void load(FileChannel channel) throws IOException {
		ByteBuffer header = header();
		long size = channel.size();
		ByteBuffer existing = ByteBuffer.allocate(header.capacity());
		if (size < header.capacity() || channel.read(existing, 0) < header.capacity() || !existing.flip().equals(header)) {
			if (size > 0) {
				log.info("The embedding cache {} is of another model or version; starting it anew", file);
			}
			channel.truncate(0);
			channel.write(header, 0);
			channel.force(false);
			return;
		}
		long position = header.capacity();
		ByteBuffer record = ByteBuffer.allocate(recordBytes).order(ByteOrder.LITTLE_ENDIAN);
		while (position + recordBytes <= size) {
			readRecord(channel, position, record);
			if (!intact(record)) {
				break;
			}
			positions.putIfAbsent(keyOf(record), position);
			position += recordBytes;
		}
		if (position < size) {
			log.info("Dropping {} damaged bytes at the end of the embedding cache {}", size - position, file);
			channel.truncate(position);
		}
	}

	private static Key keyOf(ByteBuffer record) {
		return new Key(record.getLong(0), record.getLong(8));
	}

	/** Reads the record at the position into the buffer and flips it; near the end of the file it holds fewer bytes. */
	private static void readRecord(FileChannel from, long position, ByteBuffer record) throws IOException {
		record.clear();
		while (record.hasRemaining() && from.read(record, position + record.position()) > 0) {
			// read the whole record
		}
		record.flip();
	}

	private ByteBuffer header() {
		byte[] id = modelId.getBytes(StandardCharsets.UTF_8);
		ByteBuffer header = ByteBuffer.allocate(12 + id.length).order(ByteOrder.LITTLE_ENDIAN);
		header.putInt(MAGIC).putInt(dimension).putInt(id.length).put(id);
		return header.flip();
	}

	/** Whether the buffer holds a whole record whose checksum matches. */
	private boolean intact(ByteBuffer record) {
		if (record.remaining() < recordBytes) {
			return false;
		}
		CRC32 crc = new CRC32();
		crc.update(record.array(), 0, recordBytes - 4);
		return (int) crc.getValue() == record.getInt(recordBytes - 4);
	}

	/** The key of a normalised text for this model. */
	Key key(String normalized) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(modelId.getBytes(StandardCharsets.UTF_8));
			sha.update((byte) 0);
			byte[] hash = sha.digest(normalized.getBytes(StandardCharsets.UTF_8));
			ByteBuffer buffer = ByteBuffer.wrap(hash);
			return new Key(buffer.getLong(), buffer.getLong());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The stored embedding for the key, or null. */
	synchronized float[] get(Key key) {
		float[] vector = added.get(key);
		if (vector != null) {
			return vector;
		}
		Long position = positions.get(key);
		return (position != null) ? read(key, position) : null;
	}

	/** The vector of the record at the position, or null if it cannot be read as the key's any more. */
	private float[] read(Key key, long position) {
		ByteBuffer record = ByteBuffer.allocate(recordBytes).order(ByteOrder.LITTLE_ENDIAN);
		try {
			readRecord(reader, position, record);
		}
		catch (IOException ex) {
			log.warn("Cannot read the embedding cache {} ({})", file, ex.getMessage());
			record.limit(0);
		}
		if (!intact(record) || !keyOf(record).equals(key)) {
			// another process started the file anew: the text is embedded again
			positions.remove(key);
			return null;
		}
		float[] vector = new float[dimension];
		record.position(KEY_BYTES);
		record.asFloatBuffer().get(vector);
		return vector;
	}

	/** Stores an embedding, on disk too when the cache has a file. */
	synchronized void put(Key key, float[] vector) {
		if (vector.length != dimension || positions.containsKey(key) || added.containsKey(key)) {
			return;
		}
		if (channel == null) {
			added.put(key, vector);
			return;
		}
		ByteBuffer record = ByteBuffer.allocate(recordBytes).order(ByteOrder.LITTLE_ENDIAN);
		record.putLong(key.high()).putLong(key.low());
		for (float value : vector) {
			record.putFloat(value);
		}
		CRC32 crc = new CRC32();
		crc.update(record.array(), 0, recordBytes - 4);
		record.putInt((int) crc.getValue());
		record.flip();
		long start = -1;
		try {
			start = channel.size();
			// a write may take part of the record only (a disk that is full): the rest is written, or the write fails
			while (record.hasRemaining()) {
				channel.write(record);
			}
			// read from the file when needed, like the records of earlier runs (if another process appended first,
			// the record there is not this key's, and the text is embedded again)
			positions.put(key, start);
		}
		catch (IOException ex) {
			log.warn("Cannot write to the embedding cache {} ({}); going on without writing to it", file,
					ex.getMessage());
			cutTo(start);
			channel = close(channel);
			added.put(key, vector);
		}
	}

	/** How many texts the cache holds. */
	synchronized int size() {
		return positions.size() + added.size();
	}

	/** Flushes and closes the file; the embeddings that could not be written to it stay available in memory. */
	synchronized void close() {
		channel = close(channel);
		reader = close(reader);
		positions.clear();
	}

	/**
	 * Takes a record written in part off the end of the file, so what a later start writes follows whole records (a
	 * start drops everything from the first broken record on).
	 */
	private void cutTo(long size) {
		try {
			if (size >= 0) {
				channel.truncate(size);
			}
		}
		catch (IOException ex) {
			log.debug("Could not take a partly written record off {}; the next start drops it", file, ex);
		}
	}

	private FileChannel close(FileChannel open) {
		if (open != null) {
			try {
				open.close();
			}
			catch (IOException ex) {
				log.debug("Closing {} failed", file, ex);
			}
		}
		return null;
	}

	/**
	 * Names a text for one model.
	 *
	 * @param high the first 8 bytes of the hash
	 * @param low the next 8 bytes
	 */
	record Key(long high, long low) {
	}

}
