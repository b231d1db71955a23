package frontdesk.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns feature counts into TF-IDF vectors over the vocabulary seen in training: sublinear term frequency, smoothed
 * inverse document frequency, length 1. Features not seen in training are ignored.
 */
final class TfIdf {

	private final Map<String, Integer> vocabulary;

	private final float[] idf;

	private TfIdf(Map<String, Integer> vocabulary, float[] idf) {
		this.vocabulary = vocabulary;
		this.idf = idf;
	}

	static TfIdf fit(List<Map<String, Integer>> documents) {
		Map<String, Integer> vocabulary = new HashMap<>();
		List<Integer> frequencies = new ArrayList<>();
		for (Map<String, Integer> document : documents) {
			for (String feature : document.keySet()) {
				Integer index = vocabulary.putIfAbsent(feature, vocabulary.size());
				if (index == null) {
					frequencies.add(1);
				}
				else {
					frequencies.set(index, frequencies.get(index) + 1);
				}
			}
		}
		float[] idf = new float[vocabulary.size()];
		for (int i = 0; i < idf.length; i++) {
			idf[i] = (float) (Math.log((1.0 + documents.size()) / (1.0 + frequencies.get(i))) + 1);
		}
		return new TfIdf(Map.copyOf(vocabulary), idf);
	}

	int size() {
		return idf.length;
	}

	SparseVector vector(Map<String, Integer> counts) {
		int[] indices = new int[counts.size()];
		float[] values = new float[counts.size()];
		int size = 0;
		for (Map.Entry<String, Integer> count : counts.entrySet()) {
			Integer index = vocabulary.get(count.getKey());
			if (index != null) {
				indices[size] = index;
				values[size++] = (float) (1 + Math.log(count.getValue())) * idf[index];
			}
		}
		return new SparseVector(Arrays.copyOf(indices, size), Arrays.copyOf(values, size)).normalized();
	}

}
