package frontdesk.intent;

import java.nio.file.Path;

/**
 * Something wrong in an intent file, with where it is.
 *
 * @param file the file
 * @param line 1-based line number, or 0 when the problem concerns the whole file or folder
 * @param message what is wrong
 */
public record IntentProblem(Path file, int line, String message) {

	@Override
	public String toString() {
		return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
	}
}
