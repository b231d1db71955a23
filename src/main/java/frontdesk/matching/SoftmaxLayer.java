package frontdesk.matching;

import java.util.List;
import java.util.Random;

/**
 * Softmax regression on the TF-IDF vectors, trained with stochastic gradient descent: learns which features tell
 * the labels apart. A label only has weights for the features its own examples contain, so the layer is no larger
 * than the label centroids whose postings it shares.
 */
final class SoftmaxLayer {

	private static final int MIN_EPOCHS = 5;

	/** Small training sets are passed over more often, so they are learned as thoroughly as large ones. */
	private static final int MIN_UPDATES = 100_000;

	private static final double LEARNING_RATE = 2;

	private static final long SEED = 20190901;

	private final InvertedIndex support;

	private final float[] weights;

	private SoftmaxLayer(InvertedIndex support, float[] weights) {
		this.support = support;
		this.weights = weights;
	}

	/**
	 * Trains the layer.
	 * @param examples the examples' vectors
	 * @param labels the label of each example
	 * @param support the label centroids: a label gets weights for the features of its centroid
	 */
	static SoftmaxLayer train(List<SparseVector> examples, int[] labels, InvertedIndex support) {
		float[] weights = new float[support.postings()];
		int epochs = examples.isEmpty() ? 0
				: Math.max(MIN_EPOCHS, (MIN_UPDATES + examples.size() - 1) / examples.size());
		int[] order = new int[examples.size()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Random random = new Random(SEED);
		long updates = 0;
		for (int epoch = 0; epoch < epochs; epoch++) {
			shuffle(order, random);
			for (int example : order) {
				double rate = LEARNING_RATE / (1 + (double) updates++ / examples.size());
				double[] gradient = probabilities(support, weights, examples.get(example));
				gradient[labels[example]] -= 1;
				support.descend(examples.get(example), gradient, rate, weights);
			}
		}
		return new SoftmaxLayer(support, weights);
	}

	private static void shuffle(int[] order, Random random) {
		for (int i = order.length - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swapped = order[i];
			order[i] = order[j];
			order[j] = swapped;
		}
	}

	/** The probability of each label for the text. */
	double[] probabilities(SparseVector text) {
		return probabilities(support, weights, text);
	}

	private static double[] probabilities(InvertedIndex support, float[] weights, SparseVector text) {
		float[] logits = support.dotProducts(text, weights);
		double max = Double.NEGATIVE_INFINITY;
		for (float logit : logits) {
			max = Math.max(max, logit);
		}
		double[] probabilities = new double[logits.length];
		double sum = 0;
		for (int label = 0; label < logits.length; label++) {
			probabilities[label] = Math.exp(logits[label] - max);
			sum += probabilities[label];
		}
		for (int label = 0; label < logits.length; label++) {
			probabilities[label] /= sum;
		}
		return probabilities;
	}

}
