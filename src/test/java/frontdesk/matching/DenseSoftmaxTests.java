package frontdesk.matching;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DenseSoftmaxTests {

	/** Points around three centres, each label's own. */
	static float[][] points(int perLabel, Random random, int[] labels) {
		float[][] centres = { { 3, 0, 0, 1 }, { 0, 3, 0, 1 }, { 0, 0, 3, 1 } };
		float[][] points = new float[3 * perLabel][];
		for (int i = 0; i < points.length; i++) {
			labels[i] = i % 3;
			points[i] = new float[4];
			for (int j = 0; j < 4; j++) {
				points[i][j] = centres[labels[i]][j] + (float) random.nextGaussian();
			}
		}
		return points;
	}

	@Test
	void learnsToTellLabelsApart() {
		Random random = new Random(1);
		int[] labels = new int[300];
		float[][] training = points(100, random, labels);
		float[] weights = new float[300];
		java.util.Arrays.fill(weights, 1);

		DenseSoftmax classifier = DenseSoftmax.train(training, 0, training[0].length, labels, weights, 3);

		int[] testLabels = new int[300];
		float[][] test = points(100, random, testLabels);
		int right = 0;
		for (int i = 0; i < test.length; i++) {
			double[] logits = classifier.logits(test[i], 0);
			int best = 0;
			for (int k = 1; k < 3; k++) {
				best = (logits[k] > logits[best]) ? k : best;
			}
			right += (best == testLabels[i]) ? 1 : 0;
		}
		assertThat(right).isGreaterThan(270);
	}

	@Test
	void givesProbabilitiesThatSumToOne() {
		int[] labels = new int[30];
		float[][] training = points(10, new Random(2), labels);
		float[] weights = new float[30];
		java.util.Arrays.fill(weights, 1);

		double[] probabilities = DenseSoftmax.train(training, 0, training[0].length, labels, weights, 3).logits(training[0], 0);
		DenseSoftmax.softmaxInPlace(probabilities);

		assertThat(java.util.Arrays.stream(probabilities).sum()).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-9));
		assertThat(probabilities[labels[0]]).isGreaterThan(0.5);
	}

	@Test
	void trainsOnNothing() {
		DenseSoftmax classifier = DenseSoftmax.train(new float[0][], 0, 0, new int[0], new float[0], 2);

		assertThat(classifier.classes()).isEqualTo(2);
	}

}
