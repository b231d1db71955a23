package frontdesk.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma-separated values as RFC 4180 describes them: fields in double quotes may hold commas, line breaks and
 * doubled quotes.
 */
final class Csv {

	private final String source;

	private final String content;

	private int position;

	private int line = 1;

	private Csv(String source, String content) {
		this.source = source;
		this.content = content;
	}

	/**
	 * The records of a CSV text, each with the line it starts on.
	 * @param source what to call the text in error messages, usually its file name
	 * @param content the text
	 * @throws IllegalArgumentException naming the line of a malformed record
	 */
	static List<Row> parse(String source, String content) {
		return new Csv(source, content).rows();
	}

	private List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		while (position < content.length()) {
			int start = line;
			List<String> fields = new ArrayList<>();
			do {
				fields.add(field());
			}
			while (separator());
			rows.add(new Row(start, fields));
		}
		return rows;
	}

	private String field() {
		return (position < content.length() && content.charAt(position) == '"') ? quoted() : plain();
	}

	private String plain() {
		int start = position;
		while (position < content.length() && !isDelimiter(content.charAt(position))) {
			if (content.charAt(position) == '"') {
				throw error(line, "a double quote inside a field that does not start with one; "
						+ "put the field in double quotes and double the quotes inside it");
			}
			position++;
		}
		return content.substring(start, position);
	}

	private String quoted() {
		int start = line;
		StringBuilder field = new StringBuilder();
		position++;
		while (true) {
			if (position >= content.length()) {
				throw error(start, "a field starts with a double quote that is never closed");
			}
			char c = content.charAt(position++);
			if (c == '"') {
				if (position < content.length() && content.charAt(position) == '"') {
					field.append('"');
					position++;
				}
				else {
					break;
				}
			}
			else {
				if (c == '\n') {
					line++;
				}
				field.append(c);
			}
		}
		if (position < content.length() && !isDelimiter(content.charAt(position))) {
			throw error(line, "unexpected text after the closing double quote of a field");
		}
		return field.toString();
	}

	/** Moves past a comma (true: the record goes on) or a line break or the end (false: the record is complete). */
	private boolean separator() {
		if (position >= content.length()) {
			return false;
		}
		char c = content.charAt(position++);
		if (c == ',') {
			return true;
		}
		if (c == '\r' && position < content.length() && content.charAt(position) == '\n') {
			position++;
		}
		line++;
		return false;
	}

	private static boolean isDelimiter(char c) {
		return c == ',' || c == '\n' || c == '\r';
	}

	private IllegalArgumentException error(int line, String problem) {
		return new IllegalArgumentException(source + ", line " + line + ": " + problem);
	}

	/**
	 * One record.
	 * @param line the line it starts on, counting from 1
	 * @param fields its fields
	 */
	record Row(int line, List<String> fields) {

		boolean blank() {
			return fields.size() == 1 && fields.get(0).isBlank();
		}

	}

}
