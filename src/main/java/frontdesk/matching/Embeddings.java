package frontdesk.matching;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeddings of normalised texts by one sentence model, all its views in one vector: example texts are looked up in
 * this process's memory, then in the disk cache, and only then embedded (and kept in both); customers' texts are
 * embedded each time and not kept.
 */
final class Embeddings {

	private static final Logger log = LoggerFactory.getLogger(Embeddings.class);

	/** Progress is logged while this many or more new examples are embedded. */
	private static final int MANY = 2_000;

	private final SentenceEncoder encoder;

	private final EmbeddingCache cache;

	Embeddings(SentenceEncoder encoder, EmbeddingCache cache) {
		this.encoder = encoder;
		this.cache = cache;
	}

	/**
	 * The embeddings of example texts.
	 * @param texts normalised, non-empty texts
	 * @return one vector per text, in order
	 */
	float[][] examples(List<String> texts) {
		float[][] vectors = new float[texts.size()][];
		EmbeddingCache.Key[] keys = new EmbeddingCache.Key[texts.size()];
		int missing = 0;
		for (int i = 0; i < texts.size(); i++) {
			keys[i] = cache.key(texts.get(i));
			// this process's memory first: the disk cache reads each vector from its file
			vectors[i] = encoder.remembered(texts.get(i));
			if (vectors[i] != null) {
				cache.put(keys[i], vectors[i]);
			}
			else {
				vectors[i] = cache.get(keys[i]);
				if (vectors[i] != null) {
					encoder.remember(texts.get(i), vectors[i]);
				}
			}
			missing += (vectors[i] == null) ? 1 : 0;
		}
		if (missing >= MANY) {
			log.info("Embedding {} new examples with {}; they are cached for next time", missing, encoder.name());
		}
		long started = System.nanoTime();
		int done = 0;
		for (int i = 0; i < texts.size(); i++) {
			if (vectors[i] == null) {
				vectors[i] = encoder.embed(texts.get(i));
				encoder.remember(texts.get(i), vectors[i]);
				cache.put(keys[i], vectors[i]);
				if (missing >= MANY && ++done % MANY == 0) {
					log.info("Embedded {} of {} examples in {} s", done, missing, (System.nanoTime() - started) / 1_000_000_000);
				}
			}
		}
		return vectors;
	}

	/** The embedding of a customer's normalised, non-empty text. */
	float[] query(String normalized) {
		float[] known = encoder.remembered(normalized);
		return (known != null) ? known : encoder.embed(normalized);
	}

	/** The sentence model that makes these embeddings. */
	SentenceEncoder encoder() {
		return encoder;
	}

}
