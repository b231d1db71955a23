package frontdesk.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

	/** Everyday questions no business answers, one a line; lines that are blank or start with # are not texts. */
	private static final String BUILT_IN_OUT_OF_SCOPE = "out-of-scope.txt";

	public TrainingSet {
		examplesByIntent = examplesByIntent.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, (entry) -> List.copyOf(entry.getValue())));
		outOfScopeExamples = List.copyOf(outOfScopeExamples);
	}

	/**
	 * This set, or, if it has no out-of-scope examples, the same intents with the built-in ones: without any, a
	 * matcher can only choose among the intents, and with few intents it answers anything at all with confidence.
	 */
	public TrainingSet orBuiltInOutOfScope() {
		return outOfScopeExamples.isEmpty() ? new TrainingSet(examplesByIntent, BuiltIn.OUT_OF_SCOPE) : this;
	}

	/** The built-in out-of-scope examples, read once. */
	static List<String> builtInOutOfScope() {
		return BuiltIn.OUT_OF_SCOPE;
	}

	private static final class BuiltIn {

		static final List<String> OUT_OF_SCOPE = read();

		private static List<String> read() {
			try (InputStream in = TrainingSet.class.getResourceAsStream(BUILT_IN_OUT_OF_SCOPE)) {
				if (in == null) {
					throw new IllegalStateException("The built-in out-of-scope examples are missing from the app");
				}
				return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
					.map(String::strip)
					.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
					.toList();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
