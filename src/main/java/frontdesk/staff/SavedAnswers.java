package frontdesk.staff;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import frontdesk.conversation.SavedAnswer;
import frontdesk.text.Cut;

/**
 * Finds the saved answer a staff member asked for by name ({@code /answer return_item}), and lists the saved answers
 * for one who did not name one, or named none there is. A name is the intent's id or its label, in any case, with
 * spaces or dashes for its underscores: "Return item" names {@code return_item}.
 */
final class SavedAnswers {

	private SavedAnswers() {
	}

	static Optional<SavedAnswer> find(List<SavedAnswer> answers, String wanted) {
		String key = key(wanted);
		return answers.stream()
			.filter(answer -> !key.isEmpty() && (key(answer.id()).equals(key) || key(answer.label()).equals(key)))
			.findFirst();
	}

	/**
	 * What to tell a staff member whose {@code /answer} named no saved answer: those whose name has a word of what they
	 * wrote, or all of them.
	 */
	static String list(List<SavedAnswer> answers, String wanted) {
		if (answers.isEmpty()) {
			return "There are no saved answers: the intents have no answer of their own to send.";
		}
		List<String> words = Arrays.stream(key(wanted).split("_")).filter(word -> word.length() >= 3).toList();
		List<SavedAnswer> close = answers.stream()
			.filter(answer -> words.stream()
				.anyMatch(word -> key(answer.id()).contains(word) || key(answer.label()).contains(word)))
			.toList();
		String all = "The saved answers (send one with /answer and its name, e.g. /answer " + answers.get(0).id() + "):";
		String head = wanted.isBlank() ? all
				: "No saved answer is called \"" + Cut.shorten(wanted, 60) + "\". " + (close.isEmpty() ? all : "Did you mean:");
		return head + "\n" + (close.isEmpty() ? answers : close).stream()
			.map(answer -> answer.id() + " — " + answer.label())
			.collect(Collectors.joining("\n"));
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_").replaceAll("^_|_$", "");
	}
}
