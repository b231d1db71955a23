package frontdesk.matching;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Random;

/**
 * Multinomial logistic regression (softmax regression) on dense vectors, trained with mini-batch Adam and L2
 * regularisation. The inputs are standardised with the training examples' mean and spread, which lets one learning
 * rate and one regularisation strength serve 300 examples as well as 15,000.
 */
final class DenseSoftmax {

	private static final int BATCH = 32;

	private static final int MIN_EPOCHS = 8;

	private static final int MAX_EPOCHS = 200;

	/** Small training sets are passed over more often, so they are learned as thoroughly as large ones. */
	private static final int MIN_STEPS = 1500;

	private static final double LEARNING_RATE = 0.003;

	private static final double L2 = 1e-3;

	private static final double BETA1 = 0.9;

	private static final double BETA2 = 0.999;

	private static final double EPSILON = 1e-8;

	/**
	 * Gradients this small are skipped: after the first pass most classes are far from most examples, and leaving
	 * them out makes training several times faster at no cost in accuracy.
	 */
	private static final float NEGLIGIBLE = 1e-3f;

	private static final long SEED = 20190901;

	/** Names how classifiers are trained: trained classifiers kept on disk are used only if it is unchanged. */
	static final String TRAINING = "adam batch=" + BATCH + " epochs=" + MIN_EPOCHS + "-" + MAX_EPOCHS + " steps="
			+ MIN_STEPS + " rate=" + LEARNING_RATE + " l2=" + L2 + " skip=" + NEGLIGIBLE + " seed=" + SEED;

	private final int classes;

	private final int dimension;

	private final float[] mean;

	private final float[] scale;

	/**
	 * The weight of input j for class k is at {@code j * classes + k}: each input's weights for all classes lie
	 * together, so both the logits and the gradients are computed by loops over classes that the JIT compiles to
	 * vector instructions.
	 */
	private final float[] weights;

	private final float[] biases;

	private DenseSoftmax(int classes, int dimension, float[] mean, float[] scale, float[] weights, float[] biases) {
		this.classes = classes;
		this.dimension = dimension;
		this.mean = mean;
		this.scale = scale;
		this.weights = weights;
		this.biases = biases;
	}

	/**
	 * Trains the classifier on one part of each vector: a sentence model's embedding holds several views.
	 * @param vectors the examples, all of one length
	 * @param offset where the part starts
	 * @param d the part's length
	 * @param labels the class of each example, from 0
	 * @param exampleWeights how much each example counts
	 * @param classes how many classes there are
	 */
	static DenseSoftmax train(float[][] vectors, int offset, int d, int[] labels, float[] exampleWeights,
			int classes) {
		int n = vectors.length;
		float[] mean = new float[d];
		float[] scale = new float[d];
		standardisation(vectors, offset, mean, scale);
		float[][] x = new float[n][];
		for (int i = 0; i < n; i++) {
			x[i] = standardised(vectors[i], offset, mean, scale);
		}
		float[] w = new float[classes * d];
		float[] b = new float[classes];
		if (n == 0) {
			return new DenseSoftmax(classes, d, mean, scale, w, b);
		}
		float[] gw = new float[w.length];
		float[] gb = new float[classes];
		float[] mw = new float[w.length];
		float[] vw = new float[w.length];
		float[] mb = new float[classes];
		float[] vb = new float[classes];
		int batches = (n + BATCH - 1) / BATCH;
		int epochs = Math.min(MAX_EPOCHS, Math.max(MIN_EPOCHS, (MIN_STEPS + batches - 1) / batches));
		long steps = (long) epochs * batches;
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		Random random = new Random(SEED);
		double[] logits = new double[classes];
		float[] gradient = new float[classes];
		int[] activeClasses = new int[classes];
		float[] full = new float[classes];
		long step = 0;
		for (int epoch = 0; epoch < epochs; epoch++) {
			shuffle(order, random);
			for (int start = 0; start < n; start += BATCH) {
				int end = Math.min(n, start + BATCH);
				java.util.Arrays.fill(gw, 0);
				java.util.Arrays.fill(gb, 0);
				float total = 0;
				for (int i = start; i < end; i++) {
					total += exampleWeights[order[i]];
				}
				for (int i = start; i < end; i++) {
					int example = order[i];
					float[] input = x[example];
					logits(w, b, classes, d, input, logits);
					softmaxInPlace(logits);
					logits[labels[example]] -= 1;
					float share = exampleWeights[example] / total;
					int active = 0;
					for (int k = 0; k < classes; k++) {
						float g = (float) logits[k] * share;
						gb[k] += g;
						full[k] = g;
						if (Math.abs(g) >= NEGLIGIBLE * share) {
							activeClasses[active] = k;
							gradient[active++] = g;
						}
					}
					if (active > classes / 8) {
						for (int j = 0; j < d; j++) {
							addScaled(gw, j * classes, full, input[j]);
						}
					}
					else {
						for (int j = 0; j < d; j++) {
							float value = input[j];
							int row = j * classes;
							for (int a = 0; a < active; a++) {
								gw[row + activeClasses[a]] += value * gradient[a];
							}
						}
					}
				}
				step++;
				double rate = LEARNING_RATE * (1 - (double) (step - 1) / steps);
				double correction1 = 1 - Math.pow(BETA1, step);
				double correction2 = 1 - Math.pow(BETA2, step);
				adam(w, gw, mw, vw, L2, rate, correction1, correction2);
				adam(b, gb, mb, vb, 0, rate, correction1, correction2);
			}
		}
		return new DenseSoftmax(classes, d, mean, scale, w, b);
	}

	private static void adam(float[] params, float[] gradients, float[] m, float[] v, double l2, double rate,
			double correction1, double correction2) {
		for (int i = 0; i < params.length; i++) {
			double g = gradients[i] + l2 * params[i];
			m[i] = (float) (BETA1 * m[i] + (1 - BETA1) * g);
			v[i] = (float) (BETA2 * v[i] + (1 - BETA2) * g * g);
			params[i] -= (float) (rate * (m[i] / correction1) / (Math.sqrt(v[i] / correction2) + EPSILON));
		}
	}

	private static void standardisation(float[][] vectors, int offset, float[] mean, float[] scale) {
		int n = vectors.length;
		int d = mean.length;
		double[] sum = new double[d];
		double[] squares = new double[d];
		for (float[] vector : vectors) {
			for (int j = 0; j < d; j++) {
				float value = vector[offset + j];
				sum[j] += value;
				squares[j] += (double) value * value;
			}
		}
		for (int j = 0; j < d; j++) {
			double m = sum[j] / Math.max(1, n);
			double variance = Math.max(0, squares[j] / Math.max(1, n) - m * m);
			mean[j] = (float) m;
			scale[j] = (float) (1 / Math.sqrt(variance + 1e-6));
		}
	}

	private static float[] standardised(float[] vector, int offset, float[] mean, float[] scale) {
		float[] result = new float[mean.length];
		for (int j = 0; j < result.length; j++) {
			result[j] = (vector[offset + j] - mean[j]) * scale[j];
		}
		return result;
	}

	private static void shuffle(int[] order, Random random) {
		for (int i = order.length - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swapped = order[i];
			order[i] = order[j];
			order[j] = swapped;
		}
	}

	private static void logits(float[] w, float[] b, int classes, int d, float[] input, double[] out) {
		float[] sums = b.clone();
		for (int j = 0; j < d; j++) {
			addScaled(sums, w, j * classes, input[j]);
		}
		for (int k = 0; k < classes; k++) {
			out[k] = sums[k];
		}
	}

	/** Adds {@code scale * from} to {@code to[offset ..]}: a loop the JIT turns into vector instructions. */
	private static void addScaled(float[] to, int offset, float[] from, float scale) {
		for (int k = 0; k < from.length; k++) {
			to[offset + k] += scale * from[k];
		}
	}

	/** Adds {@code scale * from[offset ..]} to {@code to}: a loop the JIT turns into vector instructions. */
	private static void addScaled(float[] to, float[] from, int offset, float scale) {
		for (int k = 0; k < to.length; k++) {
			to[k] += scale * from[offset + k];
		}
	}

	/** Turns logits into probabilities, in place. */
	static void softmaxInPlace(double[] logits) {
		double max = Double.NEGATIVE_INFINITY;
		for (double logit : logits) {
			max = Math.max(max, logit);
		}
		double sum = 0;
		for (int k = 0; k < logits.length; k++) {
			logits[k] = Math.exp(logits[k] - max);
			sum += logits[k];
		}
		for (int k = 0; k < logits.length; k++) {
			logits[k] /= sum;
		}
	}

	int classes() {
		return classes;
	}

	/** Writes the trained classifier, to be {@link #read} back. */
	void write(DataOutputStream out) throws IOException {
		out.writeInt(classes);
		out.writeInt(dimension);
		for (float[] values : new float[][] { mean, scale, weights, biases }) {
			for (float value : values) {
				out.writeFloat(value);
			}
		}
	}

	/** Reads a classifier {@link #write} wrote. */
	static DenseSoftmax read(DataInputStream in) throws IOException {
		int classes = in.readInt();
		int dimension = in.readInt();
		if (classes < 0 || dimension < 0 || (long) classes * dimension > Integer.MAX_VALUE) {
			throw new IOException("not a classifier");
		}
		float[] mean = floats(in, dimension);
		float[] scale = floats(in, dimension);
		float[] weights = floats(in, classes * dimension);
		float[] biases = floats(in, classes);
		if (in.read() != -1) {
			throw new IOException("trailing bytes");
		}
		return new DenseSoftmax(classes, dimension, mean, scale, weights, biases);
	}

	private static float[] floats(DataInputStream in, int count) throws IOException {
		float[] values = new float[count];
		for (int i = 0; i < count; i++) {
			values[i] = in.readFloat();
		}
		return values;
	}

	/** The logit of each class for the part of a vector that starts at the offset, as in training. */
	double[] logits(float[] vector, int offset) {
		double[] out = new double[classes];
		logits(weights, biases, classes, dimension, standardised(vector, offset, mean, scale), out);
		return out;
	}

}
