package frontdesk.matching;

import java.util.List;

/**
 * Vectors stored by feature, so the dot products of a text with all of them cost only as much as the features they
 * share.
 */
final class InvertedIndex {

	private final int vectorCount;

	/** Where each feature's postings start in {@link #ids} and {@link #weights}. */
	private final int[] starts;

	private final int[] ids;

	private final float[] weights;

	InvertedIndex(List<SparseVector> vectors, int features) {
		this.vectorCount = vectors.size();
		this.starts = new int[features + 1];
		for (SparseVector vector : vectors) {
			for (int i = 0; i < vector.size(); i++) {
				this.starts[vector.index(i) + 1]++;
			}
		}
		for (int feature = 0; feature < features; feature++) {
			this.starts[feature + 1] += this.starts[feature];
		}
		this.ids = new int[this.starts[features]];
		this.weights = new float[this.ids.length];
		int[] next = this.starts.clone();
		for (int id = 0; id < vectors.size(); id++) {
			SparseVector vector = vectors.get(id);
			for (int i = 0; i < vector.size(); i++) {
				int slot = next[vector.index(i)]++;
				this.ids[slot] = id;
				this.weights[slot] = vector.value(i);
			}
		}
	}

	/** The dot product of the query with every stored vector, by position in the list the index was built from. */
	float[] dotProducts(SparseVector query) {
		float[] dots = new float[vectorCount];
		for (int i = 0; i < query.size(); i++) {
			int feature = query.index(i);
			float value = query.value(i);
			for (int slot = starts[feature]; slot < starts[feature + 1]; slot++) {
				dots[ids[slot]] += value * weights[slot];
			}
		}
		return dots;
	}

}
