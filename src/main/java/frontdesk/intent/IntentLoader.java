package frontdesk.intent;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads and validates an intents folder: every {@code *.yml} file holds intents, except {@code messages.yml}, which
 * overrides the bot's own texts. All problems are collected, each with its file and line.
 */
public final class IntentLoader {

	/** The file in the intents folder that overrides the bot's own texts. */
	public static final String MESSAGES_FILE = "messages.yml";

	/** Longest intent id: ids travel in button data, which Telegram limits to 64 bytes. */
	static final int MAX_ID_LENGTH = 48;

	static final int MAX_SUGGESTIONS = 5;

	private static final Pattern ID = Pattern.compile("[a-z0-9_]+");

	private static final Set<String> INTENT_KEYS = Set.of("id", "label", "examples", "answer", "suggest", "action");

	private final List<IntentProblem> problems = new ArrayList<>();

	/**
	 * Whether a file, or an intent in one, could not be read at all: a suggestion of an intent not found may then be
	 * of one of those, and is not called unknown on top of the error that says why.
	 */
	private boolean someUnread;

	private IntentLoader() {
	}

	/**
	 * Loads the intents folder.
	 * @throws InvalidIntentsException listing every problem found
	 */
	public static IntentSet load(Path dir) {
		return new IntentLoader().loadFolder(dir);
	}

	/** The files of an intents folder, sorted by name (intent files and {@code messages.yml}). */
	static List<Path> files(Path dir) throws IOException {
		try (Stream<Path> entries = Files.list(dir)) {
			return entries.filter(Files::isRegularFile)
				.filter(file -> file.getFileName().toString().endsWith(".yml"))
				.sorted()
				.toList();
		}
	}

	private IntentSet loadFolder(Path dir) {
		if (!Files.isDirectory(dir)) {
			throw new InvalidIntentsException(List.of(new IntentProblem(dir, 0,
					"intents folder not found (set frontdesk.intents.dir to the folder with your *.yml intent files)")));
		}
		List<Path> files;
		try {
			files = files(dir);
		}
		catch (IOException ex) {
			throw new InvalidIntentsException(List.of(new IntentProblem(dir, 0, "cannot list folder: " + ex.getMessage())));
		}
		List<ParsedIntent> parsed = new ArrayList<>();
		Messages messages = Messages.defaults();
		for (Path file : files) {
			if (file.getFileName().toString().equals(MESSAGES_FILE)) {
				messages = readMessages(file);
			}
			else {
				parsed.addAll(readIntents(file));
			}
		}
		if (parsed.isEmpty() && problems.isEmpty()) {
			problems.add(new IntentProblem(dir, 0, "no intents found: add at least one *.yml file with an 'intents:' list"));
		}
		List<Intent> intents = crossCheck(parsed);
		if (!problems.isEmpty()) {
			throw new InvalidIntentsException(problems);
		}
		return new IntentSet(intents, messages);
	}

	private record ParsedIntent(Intent intent, Path file, int line, Map<String, Integer> suggestLines) {
	}

	private Node parse(Path file) {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			Node root = new Yaml(new LoaderOptions()).compose(reader);
			checkDuplicateKeys(file, root, Collections.newSetFromMap(new IdentityHashMap<>()));
			return root;
		}
		catch (MarkedYAMLException ex) {
			int line = ex.getProblemMark() != null ? ex.getProblemMark().getLine() + 1 : 0;
			problems.add(new IntentProblem(file, line, "not valid YAML: " + ex.getProblem()));
		}
		catch (YAMLException ex) {
			// SnakeYAML reads the file as it parses, so a byte that is not UTF-8 arrives wrapped in its exception
			problems.add(new IntentProblem(file, 0, ex.getCause() instanceof CharacterCodingException
					? "not UTF-8 text (save the file as UTF-8)" : "not valid YAML: " + ex.getMessage()));
		}
		catch (IOException ex) {
			problems.add(new IntentProblem(file, 0, "cannot read: " + ex.getMessage()));
		}
		return null;
	}

	/**
	 * Reports every key that a mapping has twice, at any depth: YAML keeps only one of the values, so the other would
	 * be lost without a word (an intent missing its {@code - } merges into the one above it, a second
	 * {@code examples:} hides the first).
	 */
	private void checkDuplicateKeys(Path file, Node node, Set<Node> seen) {
		if (node == null || !seen.add(node)) {
			return;
		}
		if (node instanceof MappingNode mapping) {
			Map<String, Node> firstKeys = new HashMap<>();
			for (NodeTuple tuple : mapping.getValue()) {
				String key = scalar(tuple.getKeyNode());
				Node first = key == null ? null : firstKeys.putIfAbsent(key, tuple.getKeyNode());
				if (first != null) {
					problems.add(new IntentProblem(file, line(tuple.getKeyNode()), "duplicate key '" + key
							+ "' (first on line " + line(first) + ")"));
				}
				checkDuplicateKeys(file, tuple.getValueNode(), seen);
			}
		}
		else if (node instanceof SequenceNode sequence) {
			for (Node item : sequence.getValue()) {
				checkDuplicateKeys(file, item, seen);
			}
		}
	}

	private List<ParsedIntent> readIntents(Path file) {
		int problemsBefore = problems.size();
		Node root = parse(file);
		if (root == null) {
			someUnread = true;
			if (problems.size() == problemsBefore) {
				// saved empty by mistake, or read while half-written: its intents would go without a word
				problems.add(new IntentProblem(file, 0,
						"the file is empty: write its intents under 'intents:', or delete the file"));
			}
			return List.of();
		}
		if (!(root instanceof MappingNode mapping) || value(mapping, "intents") == null) {
			someUnread = true;
			problems.add(new IntentProblem(file, line(root), "expected a top-level 'intents:' list"));
			return List.of();
		}
		for (NodeTuple tuple : mapping.getValue()) {
			String key = scalar(tuple.getKeyNode());
			if (!"intents".equals(key)) {
				problems.add(new IntentProblem(file, line(tuple.getKeyNode()), "unknown key '" + key + "' (expected 'intents')"));
			}
		}
		if (!(value(mapping, "intents") instanceof SequenceNode list)) {
			someUnread = true;
			problems.add(new IntentProblem(file, line(value(mapping, "intents")), "'intents' must be a list"));
			return List.of();
		}
		List<ParsedIntent> intents = new ArrayList<>();
		for (Node item : list.getValue()) {
			if (item instanceof MappingNode intent) {
				ParsedIntent parsed = readIntent(file, intent);
				if (parsed != null) {
					intents.add(parsed);
				}
			}
			else {
				someUnread = true;
				problems.add(new IntentProblem(file, line(item), "each intent must be a mapping with id, examples and answer"));
			}
		}
		return intents;
	}

	/**
	 * One intent, or {@code null} without an id. An intent with problems is still returned (the load fails on them
	 * anyway), so that the intents suggesting it find it and its own suggestions are checked too.
	 */
	private ParsedIntent readIntent(Path file, MappingNode node) {
		for (NodeTuple tuple : node.getValue()) {
			String key = scalar(tuple.getKeyNode());
			if (!INTENT_KEYS.contains(key)) {
				problems.add(new IntentProblem(file, line(tuple.getKeyNode()), "unknown key '" + key
						+ "' (expected one of " + new TreeSet<>(INTENT_KEYS) + ")"));
			}
		}
		String id = scalar(value(node, "id"));
		if (id == null || id.isBlank()) {
			someUnread = true;
			problems.add(new IntentProblem(file, line(node), "intent without an 'id'"));
			return null;
		}
		if (!ID.matcher(id).matches() || id.length() > MAX_ID_LENGTH) {
			problems.add(new IntentProblem(file, line(value(node, "id")), "id '" + id
					+ "' must be lower-case letters, digits and underscores, at most " + MAX_ID_LENGTH + " characters"));
		}
		Intent.Action action = Intent.Action.ANSWER;
		Node actionNode = value(node, "action");
		if (actionNode != null) {
			String name = scalar(actionNode);
			try {
				action = Intent.Action.parse(name == null ? "" : name);
				if (action == Intent.Action.ANSWER) {
					throw new IllegalArgumentException(name);
				}
			}
			catch (IllegalArgumentException ex) {
				problems.add(new IntentProblem(file, line(actionNode), "intent '" + id + "': unknown action '" + name
						+ "' (expected handoff, close, hours or fallback)"));
			}
		}
		List<Text> exampleTexts = strings(file, node, "examples", id);
		if (exampleTexts.isEmpty()) {
			problems.add(new IntentProblem(file, line(node), "intent '" + id + "' needs at least one example"));
		}
		for (Text example : exampleTexts) {
			if (!Intent.hasWords(example.value())) {
				problems.add(new IntentProblem(file, example.line(), "intent '" + id + "': example '" + example.value()
						+ "' has no letters or digits; the bot matches by words"));
			}
		}
		List<String> examples = texts(exampleTexts);
		Node answerNode = value(node, "answer");
		List<Text> answerTexts = strings(file, node, "answer", id);
		List<String> answers = texts(answerTexts);
		if (answerNode != null && answers.isEmpty()) {
			problems.add(new IntentProblem(file, line(answerNode), "intent '" + id + "' has an empty answer"
					+ nothingHint(answerNode)));
		}
		else if (answerNode == null && action == Intent.Action.ANSWER) {
			problems.add(new IntentProblem(file, line(node), "intent '" + id + "' has no answer (add 'answer:', or an action)"));
		}
		else if (answerNode != null && action == Intent.Action.FALLBACK) {
			problems.add(new IntentProblem(file, line(answerNode), "intent '" + id
					+ "' is out of scope (action: fallback) and takes no answer; change 'fallback' in messages.yml instead"));
		}
		for (Text answer : answerTexts) {
			checkPlaceholders(file, answer.line(), "intent '" + id + "'", answer.value(), Placeholders.COMMON);
		}
		Map<String, Integer> suggestLines = new LinkedHashMap<>();
		Node suggestNode = value(node, "suggest");
		for (Text target : strings(file, node, "suggest", id)) {
			suggestLines.putIfAbsent(target.value(), target.line());
		}
		if (suggestLines.size() > MAX_SUGGESTIONS) {
			problems.add(new IntentProblem(file, line(suggestNode), "intent '" + id + "' suggests more than "
					+ MAX_SUGGESTIONS + " intents"));
		}
		String label = scalar(value(node, "label"));
		if (label == null || label.isBlank()) {
			label = examples.isEmpty() ? id : capitalise(examples.get(0));
		}
		Intent intent = new Intent(id, label.strip(), examples, answers, List.copyOf(suggestLines.keySet()), action);
		return new ParsedIntent(intent, file, line(node), suggestLines);
	}

	private List<Intent> crossCheck(List<ParsedIntent> parsed) {
		Map<String, ParsedIntent> byId = new HashMap<>();
		List<Intent> intents = new ArrayList<>();
		for (ParsedIntent candidate : parsed) {
			ParsedIntent first = byId.putIfAbsent(candidate.intent().id(), candidate);
			if (first != null) {
				problems.add(new IntentProblem(candidate.file(), candidate.line(), "duplicate id '" + candidate.intent().id()
						+ "' (first defined in " + first.file() + ":" + first.line() + ")"));
			}
			else {
				intents.add(candidate.intent());
			}
		}
		for (ParsedIntent candidate : parsed) {
			String id = candidate.intent().id();
			candidate.suggestLines().forEach((target, line) -> {
				ParsedIntent suggested = byId.get(target);
				if (suggested == null) {
					// perhaps one of the intents that could not be read: the error that says why is enough then
					if (!someUnread) {
						problems.add(new IntentProblem(candidate.file(), line, "intent '" + id
								+ "' suggests unknown intent '" + target + "'"));
					}
				}
				else if (target.equals(id)) {
					problems.add(new IntentProblem(candidate.file(), line, "intent '" + id + "' suggests itself"));
				}
				else if (!suggested.intent().offerable()) {
					problems.add(new IntentProblem(candidate.file(), line, "intent '" + id + "' suggests '" + target
							+ "', which is out of scope (action: fallback)"));
				}
			});
		}
		return intents;
	}

	private Messages readMessages(Path file) {
		Node root = parse(file);
		if (root == null) {
			return Messages.defaults();
		}
		if (!(root instanceof MappingNode mapping)) {
			problems.add(new IntentProblem(file, line(root), "expected a mapping of message keys to texts"));
			return Messages.defaults();
		}
		Map<MessageKey, String> overrides = new EnumMap<>(MessageKey.class);
		readMessages(file, mapping, "", overrides, new EnumMap<>(MessageKey.class));
		return new Messages(overrides);
	}

	private void readMessages(Path file, MappingNode mapping, String prefix, Map<MessageKey, String> overrides,
			Map<MessageKey, Given> given) {
		for (NodeTuple tuple : mapping.getValue()) {
			String name = prefix + scalar(tuple.getKeyNode());
			if (tuple.getValueNode() instanceof MappingNode nested) {
				readMessages(file, nested, name + ".", overrides, given);
				continue;
			}
			MessageKey key = MessageKey.byKey(name);
			String text = scalar(tuple.getValueNode());
			if (key == null) {
				Set<String> known = new TreeSet<>();
				for (MessageKey each : MessageKey.values()) {
					known.add(each.key());
				}
				String likely = known.stream()
					.min(Comparator.comparingInt((each) -> distance(each, name)))
					.filter((each) -> distance(each, name) <= Math.max(2, name.length() / 5))
					.orElse(null);
				problems.add(new IntentProblem(file, line(tuple.getKeyNode()), "unknown message '" + name + "'"
						+ ((likely != null) ? ": did you mean '" + likely + "'?"
								: " (known: " + String.join(", ", known) + ")")));
			}
			else if (tuple.getValueNode() instanceof SequenceNode) {
				problems.add(new IntentProblem(file, line(tuple.getValueNode()), "message '" + name
						+ "' must be one text, not a list"));
			}
			else if (text == null || text.isBlank()) {
				problems.add(new IntentProblem(file, line(tuple.getValueNode()), "message '" + name + "' is empty"
						+ nothingHint(tuple.getValueNode())));
			}
			else if (overrides.containsKey(key)) {
				// written the same way twice in one mapping, it is reported as a duplicate key already
				Given first = given.get(key);
				if (first.mapping() != mapping || !first.name().equals(name)) {
					problems.add(new IntentProblem(file, line(tuple.getKeyNode()), "message '" + key.key()
							+ "' is given twice in this file (first on line " + first.line() + ")"));
				}
			}
			else {
				checkPlaceholders(file, line(tuple.getValueNode()), "message '" + name + "'", text, key.placeholders());
				Set<String> used = Placeholders.in(text);
				for (String missing : key.requiredPlaceholders()) {
					if (!used.contains(missing)) {
						problems.add(new IntentProblem(file, line(tuple.getValueNode()), "message '" + name
								+ "' must say where {" + missing + "} goes"));
					}
				}
				if (key == MessageKey.LANGUAGE && Messages.locale(text.strip()) == null) {
					problems.add(new IntentProblem(file, line(tuple.getValueNode()), "message '" + name + "' is not "
							+ "a language tag such as en, de or pt-BR"));
				}
				overrides.put(key, text.strip());
				given.put(key, new Given(name, mapping, line(tuple.getKeyNode())));
			}
		}
	}

	/** How many letters must be added, dropped or changed to make one text of the other. */
	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int change = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(change, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	/** Where a message was given: as which key, in which mapping, on which line. */
	private record Given(String name, MappingNode mapping, int line) {
	}

	private void checkPlaceholders(Path file, int line, String where, String text, Set<String> known) {
		for (String name : Placeholders.in(text)) {
			if (!known.contains(name)) {
				problems.add(new IntentProblem(file, line, where + " uses unknown placeholder {" + name + "} (known: "
						+ new TreeSet<>(known).stream().map(each -> "{" + each + "}").toList() + ")"));
			}
		}
	}

	/**
	 * A list of non-blank texts, each with its line; a single text counts as a list of one (and when it is blank, as
	 * none, which the caller reports as it sees fit).
	 */
	private List<Text> strings(Path file, MappingNode node, String key, String id) {
		List<Text> strings = new ArrayList<>();
		Node value = value(node, key);
		for (Node item : items(value)) {
			String text = scalar(item);
			if (text == null) {
				problems.add(new IntentProblem(file, line(item), "intent '" + id + "': each of '" + key
						+ "' must be a plain text"));
			}
			else if (text.isBlank() && value instanceof SequenceNode) {
				problems.add(new IntentProblem(file, line(item), "intent '" + id + "': empty entry in '" + key + "'"
						+ nothingHint(item)));
			}
			else if (!text.isBlank()) {
				strings.add(new Text(text.strip(), line(item)));
			}
		}
		return strings;
	}

	private record Text(String value, int line) {
	}

	private static List<String> texts(List<Text> texts) {
		return texts.stream().map(Text::value).toList();
	}

	/** For an entry that YAML reads as nothing though something is written, such as {@code ~} or {@code null}. */
	private static String nothingHint(Node node) {
		return node instanceof ScalarNode scalar && !scalar.getValue().isBlank()
				? " (YAML reads '" + scalar.getValue() + "' as nothing; put it in quotes to mean the text)" : "";
	}

	/** The items of a list; a single value counts as a list of one. */
	private static List<Node> items(Node value) {
		if (value == null) {
			return List.of();
		}
		return value instanceof SequenceNode sequence ? sequence.getValue() : List.of(value);
	}

	private static Node value(MappingNode node, String key) {
		for (NodeTuple tuple : node.getValue()) {
			if (key.equals(scalar(tuple.getKeyNode()))) {
				return tuple.getValueNode();
			}
		}
		return null;
	}

	/** The text of a single value, empty for a YAML null ({@code ~}, {@code null} or nothing), else {@code null}. */
	private static String scalar(Node node) {
		if (!(node instanceof ScalarNode scalar)) {
			return null;
		}
		return Tag.NULL.equals(scalar.getTag()) ? "" : scalar.getValue();
	}

	private static int line(Node node) {
		return node == null ? 0 : node.getStartMark().getLine() + 1;
	}

	private static String capitalise(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}
}
