package frontdesk.staff;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import frontdesk.conversation.SavedAnswer;
import frontdesk.conversation.UnansweredQuestion;
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
	 * wrote, or all of them, after the bot's best guess for the customer's question when they named none.
	 * @param asked the customer's latest question the bot could not answer, or {@code null}
	 */
	static String list(List<SavedAnswer> answers, String wanted, UnansweredQuestion asked) {
		if (answers.isEmpty()) {
			return "There are no saved answers: the intents have no answer of their own to send.";
		}
		if (wanted.isBlank()) {
			Optional<SavedAnswer> guess = Optional.ofNullable(asked)
				.flatMap(question -> answers.stream()
					.filter(answer -> answer.id().equals(question.bestGuess()))
					.findFirst());
			String first = guess
				.map(answer -> "For “" + Cut.shorten(asked.text(), 60) + "” the bot's best guess: " + line(answer) + "\n")
				.orElse("");
			return first + all(answers, guess.orElse(answers.get(0)));
		}
		List<String> words = Arrays.stream(key(wanted).split("_")).filter(word -> word.length() >= 3).toList();
		List<SavedAnswer> close = answers.stream()
			.filter(answer -> words.stream()
				.anyMatch(word -> key(answer.id()).contains(word) || key(answer.label()).contains(word)))
			.toList();
		String named = "No saved answer is called \"" + Cut.shorten(wanted, 60) + "\". ";
		return close.isEmpty() ? named + all(answers, answers.get(0)) : named + "Did you mean:\n" + lines(close);
	}

	private static String all(List<SavedAnswer> answers, SavedAnswer example) {
		return "The saved answers (send one with /answer and its name, e.g. /answer " + example.id() + "):\n"
				+ lines(answers);
	}

	private static String lines(List<SavedAnswer> answers) {
		return answers.stream().map(SavedAnswers::line).collect(Collectors.joining("\n"));
	}

	private static String line(SavedAnswer answer) {
		return answer.id() + " — " + answer.label();
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_").replaceAll("^_|_$", "");
	}
}
