package frontdesk.matching;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lexical features of a normalised text and how often each occurs: words, pairs of neighbouring words, and
 * character n-grams inside each word, so small typos and other word forms still share most features.
 */
final class Features {

	private static final int MIN_GRAM = 3;

	private static final int MAX_GRAM = 5;

	private Features() {
	}

	static Map<String, Integer> of(String normalized) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		if (normalized.isEmpty()) {
			return counts;
		}
		String[] words = normalized.split(" ");
		for (int i = 0; i < words.length; i++) {
			counts.merge("w:" + words[i], 1, Integer::sum);
			if (i > 0) {
				counts.merge("b:" + words[i - 1] + " " + words[i], 1, Integer::sum);
			}
			String padded = " " + words[i] + " ";
			for (int n = MIN_GRAM; n <= MAX_GRAM; n++) {
				for (int start = 0; start + n <= padded.length(); start++) {
					counts.merge("c:" + padded.substring(start, start + n), 1, Integer::sum);
				}
			}
		}
		return counts;
	}

}
