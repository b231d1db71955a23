package frontdesk.intent;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Adds an example to an intent in its file, changing nothing else in the file: the new example goes at the end of the
 * intent's {@code examples} list, in the list's own style, as a double-quoted text.
 */
final class ExampleWriter {

	private ExampleWriter() {
	}

	/** An intent's file, its text, and the file's text with the example added. */
	record Edit(Path file, String before, String after) {

		/** Writes the new text: to a file beside it first, then moved over it, so a reader never sees half a file. */
		void write() throws IOException {
			replace(file, after);
		}

		/** Puts the file back as it was. */
		void undo() throws IOException {
			replace(file, before);
		}
	}

	/**
	 * The edit that adds the example to the intent, in whichever file of the folder holds it.
	 * @return empty when no intent file holds the intent
	 */
	static Optional<Edit> addExample(Path dir, String intentId, String example) throws IOException {
		for (Path file : IntentLoader.files(dir)) {
			if (file.getFileName().toString().equals(IntentLoader.MESSAGES_FILE)) {
				continue;
			}
			String text = Files.readString(file, StandardCharsets.UTF_8);
			Optional<Node> examples = examplesOf(text, intentId);
			if (examples.isPresent()) {
				return Optional.of(new Edit(file, text, insert(text, examples.get(), quoted(example))));
			}
		}
		return Optional.empty();
	}

	/** The {@code examples} node of the intent in a file's text, if the file holds the intent. */
	private static Optional<Node> examplesOf(String text, String intentId) {
		Node root;
		try {
			root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
		}
		catch (YAMLException ex) {
			return Optional.empty();
		}
		if (!(root instanceof MappingNode mapping) || !(value(mapping, "intents") instanceof SequenceNode intents)) {
			return Optional.empty();
		}
		for (Node item : intents.getValue()) {
			if (item instanceof MappingNode intent && value(intent, "id") instanceof ScalarNode id
					&& id.getValue().equals(intentId)) {
				return Optional.ofNullable(value(intent, "examples"));
			}
		}
		return Optional.empty();
	}

	/** The text with the quoted example added at the end of the examples node. */
	private static String insert(String text, Node examples, String quoted) {
		Lines lines = new Lines(text);
		if (examples instanceof SequenceNode list && list.getFlowStyle() == DumperOptions.FlowStyle.BLOCK
				&& !list.getValue().isEmpty()) {
			// a new line after the last item, with the dash where the other dashes are
			Mark end = list.getValue().get(list.getValue().size() - 1).getEndMark();
			int line = end.getColumn() == 0 ? end.getLine() : end.getLine() + 1;
			String item = " ".repeat(list.getStartMark().getColumn()) + "- " + quoted;
			return lines.insertLine(line, item);
		}
		if (examples instanceof SequenceNode list) {
			// [a, b] becomes [a, b, "new"]
			if (list.getValue().isEmpty()) {
				Mark end = list.getEndMark();
				int at = lines.offset(end.getLine(), end.getColumn()) - 1;
				return text.substring(0, at) + quoted + text.substring(at);
			}
			Mark end = list.getValue().get(list.getValue().size() - 1).getEndMark();
			int at = lines.offset(end.getLine(), end.getColumn());
			return text.substring(0, at) + ", " + quoted + text.substring(at);
		}
		// a single text becomes a list of two
		ScalarNode single = (ScalarNode) examples;
		int from = lines.offset(single.getStartMark().getLine(), single.getStartMark().getColumn());
		int to = lines.offset(single.getEndMark().getLine(), single.getEndMark().getColumn());
		return text.substring(0, from) + "[" + quoted(single.getValue()) + ", " + quoted + "]" + text.substring(to);
	}

	/** A text as a YAML double-quoted scalar. */
	static String quoted(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		text.codePoints().forEach(c -> {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				default -> {
					// what YAML does not allow in a file as it is: control characters, line separators, the byte-order
					// mark, non-characters and halves of a character
					if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0xfeff
							|| c == 0xfffe || c == 0xffff || Character.isSurrogate((char) c)) {
						quoted.append("\\u%04x".formatted(c));
					}
					else {
						quoted.appendCodePoint(c);
					}
				}
			}
		});
		return quoted.append('"').toString();
	}

	private static Node value(MappingNode node, String key) {
		for (NodeTuple tuple : node.getValue()) {
			if (tuple.getKeyNode() instanceof ScalarNode name && name.getValue().equals(key)) {
				return tuple.getValueNode();
			}
		}
		return null;
	}

	private static void replace(Path file, String text) throws IOException {
		Path temporary = file.resolveSibling("." + file.getFileName() + ".saving");
		Files.writeString(temporary, text, StandardCharsets.UTF_8);
		try {
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/** A text's lines, to turn the parser's line and column (counted in code points) into places in the text. */
	private static final class Lines {

		private final String text;

		private final List<Integer> starts = new ArrayList<>();

		private final String newline;

		Lines(String text) {
			this.text = text;
			this.newline = text.contains("\r\n") ? "\r\n" : "\n";
			starts.add(0);
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
					starts.add(i + 1);
				}
			}
		}

		int offset(int line, int column) {
			int start = starts.get(Math.min(line, starts.size() - 1));
			return text.offsetByCodePoints(start, column);
		}

		/** The text with a line put before the given line (or at the end). */
		String insertLine(int line, String content) {
			if (line >= starts.size() || starts.get(line) == text.length()) {
				boolean ended = text.isEmpty() || text.endsWith("\n") || text.endsWith("\r");
				return text + (ended ? "" : newline) + content + newline;
			}
			int at = starts.get(line);
			return text.substring(0, at) + content + newline + text.substring(at);
		}
	}
}
