package frontdesk.matching;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Labelled training data: examples per intent id, plus examples of what must not be answered.
 *
 * @param examplesByIntent phrasings customers use, by intent id
 * @param outOfScopeExamples phrasings the bot must not try to answer
 */
public record TrainingSet(Map<String, List<String>> examplesByIntent, List<String> outOfScopeExamples) {

	public TrainingSet {
		examplesByIntent = examplesByIntent.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, (entry) -> List.copyOf(entry.getValue())));
		outOfScopeExamples = List.copyOf(outOfScopeExamples);
	}

}
