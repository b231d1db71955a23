package frontdesk.matching;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ClassifierStoreTests {

	@TempDir
	Path dir;

	final float[][] vectors = { { 1, 0, 0 }, { 0.9f, 0.1f, 0 }, { 0, 1, 0 }, { 0, 0.8f, 0.2f } };

	final int[] labels = { 0, 0, 1, 1 };

	final float[] weights = { 1, 1, 1, 1 };

	final byte[] set = ClassifierStore.hash(List.of("a", "b", "c", "d"), labels, weights, 2);

	final AtomicInteger trainings = new AtomicInteger();

	final Supplier<DenseSoftmax> training = () -> {
		trainings.incrementAndGet();
		return DenseSoftmax.train(vectors, 0, 3, labels, weights, 2);
	};

	@Test
	void loadsWhatItTrainedBeforeInsteadOfTrainingAgain() {
		DenseSoftmax trained = ClassifierStore.in(dir).get(set, "model", 0, training);
		DenseSoftmax loaded = ClassifierStore.in(dir).get(set, "model", 0, training);

		assertThat(trainings).hasValue(1);
		assertThat(loaded.logits(new float[] { 0.5f, 0.5f, 0.1f }, 0))
			.containsExactly(trained.logits(new float[] { 0.5f, 0.5f, 0.1f }, 0));
	}

	@Test
	void trainsAgainForAnotherViewModelOrTrainingSet() {
		ClassifierStore store = ClassifierStore.in(dir);
		store.get(set, "model", 0, training);

		store.get(set, "model", 1, training);
		store.get(set, "other-model", 0, training);
		store.get(ClassifierStore.hash(List.of("a", "b", "c", "e"), labels, weights, 2), "model", 0, training);
		store.get(ClassifierStore.hash(List.of("a", "b", "c", "d"), new int[] { 0, 1, 1, 1 }, weights, 2), "model", 0,
				training);

		assertThat(trainings).hasValue(5);
	}

	@Test
	void trainsAgainWhenTheStoredFileIsDamaged() throws IOException {
		ClassifierStore.in(dir).get(set, "model", 0, training);
		try (Stream<Path> files = Files.list(dir)) {
			Path file = files.findFirst().orElseThrow();
			Files.write(file, new byte[] { 0, 0, 0, 2, 0, 0, 0, 3, 1 });
		}

		DenseSoftmax retrained = ClassifierStore.in(dir).get(set, "model", 0, training);

		assertThat(trainings).hasValue(2);
		assertThat(retrained.logits(new float[] { 1, 0, 0 }, 0)).hasSize(2);
		assertThat(ClassifierStore.in(dir).get(set, "model", 0, training)).isNotNull();
		assertThat(trainings).hasValue(2);
	}

	@Test
	void trainsAgainWhenOneBitOfAStoredWeightHasFlipped() throws IOException {
		DenseSoftmax trained = ClassifierStore.in(dir).get(set, "model", 0, training);
		Path file;
		try (Stream<Path> files = Files.list(dir)) {
			file = files.findFirst().orElseThrow();
		}
		byte[] bytes = Files.readAllBytes(file);
		// the file's length and structure stay right: only the checksum can tell
		bytes[bytes.length - Long.BYTES - 3] ^= 0x10;
		Files.write(file, bytes);

		DenseSoftmax loaded = ClassifierStore.in(dir).get(set, "model", 0, training);

		assertThat(trainings).hasValue(2);
		assertThat(loaded.logits(new float[] { 0.5f, 0.5f, 0.1f }, 0))
			.containsExactly(trained.logits(new float[] { 0.5f, 0.5f, 0.1f }, 0));
		assertThat(ClassifierStore.read(Files.readAllBytes(file)).logits(new float[] { 0.5f, 0.5f, 0.1f }, 0))
			.containsExactly(trained.logits(new float[] { 0.5f, 0.5f, 0.1f }, 0));
	}

	@Test
	void keepsOnlyTheMostRecentlyUsed() throws IOException {
		ClassifierStore store = ClassifierStore.in(dir);
		for (int view = 0; view < ClassifierStore.KEPT + 5; view++) {
			store.get(set, "model", view, training);
		}

		try (Stream<Path> files = Files.list(dir)) {
			assertThat(files.count()).isEqualTo(ClassifierStore.KEPT);
		}
	}

	@Test
	void keepsNothingWithoutAFolder() {
		ClassifierStore.none().get(set, "model", 0, training);
		ClassifierStore.none().get(set, "model", 0, training);

		assertThat(trainings).hasValue(2);
	}

}
