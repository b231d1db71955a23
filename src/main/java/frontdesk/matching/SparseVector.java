package frontdesk.matching;

/**
 * A vector that stores only its non-zero entries, by feature index.
 */
final class SparseVector {

	static final SparseVector EMPTY = new SparseVector(new int[0], new float[0]);

	private final int[] indices;

	private final float[] values;

	SparseVector(int[] indices, float[] values) {
		this.indices = indices;
		this.values = values;
	}

	int size() {
		return indices.length;
	}

	int index(int i) {
		return indices[i];
	}

	float value(int i) {
		return values[i];
	}

	/** This vector scaled to length 1; the empty vector stays empty. */
	SparseVector normalized() {
		double sum = 0;
		for (float value : values) {
			sum += value * value;
		}
		if (sum == 0) {
			return EMPTY;
		}
		float scale = (float) (1 / Math.sqrt(sum));
		float[] scaled = new float[values.length];
		for (int i = 0; i < values.length; i++) {
			scaled[i] = values[i] * scale;
		}
		return new SparseVector(indices, scaled);
	}

}
