package frontdesk.matching;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddingCacheTests {

	@TempDir
	Path dir;

	/** Stores one text's vector in model-a's cache, as a process that has since stopped did. */
	private void written(String text, float... vector) {
		EmbeddingCache cache = EmbeddingCache.open(dir, "model-a", vector.length);
		cache.put(cache.key(text), vector);
		cache.close();
	}

	@Test
	void keepsEmbeddingsAcrossRestarts() {
		written("where is my order", 0.1f, 0.2f, 0.3f);

		EmbeddingCache reopened = EmbeddingCache.open(dir, "model-a", 3);

		assertThat(reopened.get(reopened.key("where is my order"))).containsExactly(0.1f, 0.2f, 0.3f);
		assertThat(reopened.get(reopened.key("where is my parcel"))).isNull();
		assertThat(reopened.size()).isEqualTo(1);
	}

	@Test
	void keysTextsByModel() {
		EmbeddingCache a = EmbeddingCache.open(dir, "model-a", 3);
		EmbeddingCache b = EmbeddingCache.open(dir, "model-b", 3);

		assertThat(a.key("hello")).isNotEqualTo(b.key("hello")).isNotEqualTo(a.key("hello there"));
		assertThat(a.key("hello")).isEqualTo(a.key("hello"));
	}

	@Test
	void dropsARecordTornByACrash() throws IOException {
		EmbeddingCache cache = EmbeddingCache.open(dir, "model-a", 3);
		cache.put(cache.key("one"), new float[] { 1, 2, 3 });
		cache.put(cache.key("two"), new float[] { 4, 5, 6 });
		cache.close();
		Path file = dir.resolve("embeddings-model-a.bin");
		long size = Files.size(file);
		try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
			channel.truncate(size - 5);
		}

		EmbeddingCache reopened = EmbeddingCache.open(dir, "model-a", 3);
		reopened.put(reopened.key("three"), new float[] { 7, 8, 9 });
		reopened.close();
		EmbeddingCache again = EmbeddingCache.open(dir, "model-a", 3);

		assertThat(again.get(again.key("one"))).containsExactly(1, 2, 3);
		assertThat(again.get(again.key("two"))).isNull();
		assertThat(again.get(again.key("three"))).containsExactly(7, 8, 9);
	}

	@Test
	void startsAnewWhenTheFileIsOfAnotherDimension() {
		written("one", 1, 2, 3);

		EmbeddingCache other = EmbeddingCache.open(dir, "model-a", 4);

		assertThat(other.size()).isZero();
		assertThat(other.get(other.key("one"))).isNull();
	}

	@Test
	void readsAVectorFromTheFileWhenAskedForSoATextIsEmbeddedAgainIfAnotherProcessStartedTheFileAnew() {
		written("one", 1, 2, 3);
		EmbeddingCache reopened = EmbeddingCache.open(dir, "model-a", 3);

		EmbeddingCache.open(dir, "model-a", 4).close();

		assertThat(reopened.get(reopened.key("one"))).isNull();
		assertThat(reopened.size()).isZero();
		reopened.put(reopened.key("one"), new float[] { 1, 2, 3 });
		assertThat(reopened.get(reopened.key("one"))).containsExactly(1, 2, 3);
	}

	@Test
	void keepsWhatItWroteInTheFileRatherThanInMemory() {
		EmbeddingCache cache = EmbeddingCache.open(dir, "model-a", 3);
		float[] vector = { 1, 2, 3 };
		cache.put(cache.key("one"), vector);

		vector[0] = 9;

		assertThat(cache.get(cache.key("one"))).as("read from the file").containsExactly(1, 2, 3);
	}

	@Test
	void worksInMemoryWithoutAFolder() throws IOException {
		Path blocked = Files.writeString(dir.resolve("not-a-folder"), "x");

		EmbeddingCache cache = EmbeddingCache.open(blocked, "model-a", 3);
		cache.put(cache.key("one"), new float[] { 1, 2, 3 });

		assertThat(cache.get(cache.key("one"))).containsExactly(1, 2, 3);
	}

}
