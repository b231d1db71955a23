package frontdesk.matching;

import java.util.List;

/**
 * Vectors stored by feature (postings), so the dot products of a text with all of them cost only as much as the
 * features they share. Other weights can be laid over the same postings, one per stored entry.
 */
final class InvertedIndex {

	private final int vectorCount;

	/** Where each feature's postings start in {@link #ids} and {@link #weights}. */
	private final int[] starts;

	/** The vector each posting belongs to. */
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
				int posting = next[vector.index(i)]++;
				this.ids[posting] = id;
				this.weights[posting] = vector.value(i);
			}
		}
	}

	/** How many postings there are: the length of weights laid over them. */
	int postings() {
		return ids.length;
	}

	/** The dot products of the query with every stored vector, by position in the list the index was built from. */
	float[] dotProducts(SparseVector query) {
		return dotProducts(query, weights);
	}

	/** The same, with other weights for the postings. */
	float[] dotProducts(SparseVector query, float[] postingWeights) {
		float[] dots = new float[vectorCount];
		for (int i = 0; i < query.size(); i++) {
			int feature = query.index(i);
			float value = query.value(i);
			for (int posting = starts[feature]; posting < starts[feature + 1]; posting++) {
				dots[ids[posting]] += value * postingWeights[posting];
			}
		}
		return dots;
	}

	/**
	 * Moves the posting weights of the query's features against a gradient: one step of gradient descent for a
	 * linear model whose weights are laid over these postings.
	 * @param query the input
	 * @param gradient the gradient of the loss by stored vector
	 * @param rate the step size
	 * @param postingWeights the weights to change
	 */
	void descend(SparseVector query, double[] gradient, double rate, float[] postingWeights) {
		for (int i = 0; i < query.size(); i++) {
			int feature = query.index(i);
			double step = rate * query.value(i);
			for (int posting = starts[feature]; posting < starts[feature + 1]; posting++) {
				postingWeights[posting] -= (float) (step * gradient[ids[posting]]);
			}
		}
	}

}
