package frontdesk.intent;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The intent files have problems; each names the file, the line and what is wrong.
 */
public class InvalidIntentsException extends RuntimeException {

	private final List<IntentProblem> problems;

	InvalidIntentsException(List<IntentProblem> problems) {
		super(problems.stream().map(IntentProblem::toString).collect(Collectors.joining("\n  ", "Invalid intent files:\n  ", "")));
		this.problems = List.copyOf(problems);
	}

	public List<IntentProblem> problems() {
		return problems;
	}
}
