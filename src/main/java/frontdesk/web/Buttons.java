package frontdesk.web;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import frontdesk.conversation.Reply;

/** Buttons stored as JSON: a list of {@code [label, data]} pairs. */
final class Buttons {

	private static final ObjectMapper JSON = new ObjectMapper();

	private Buttons() {
	}

	static String encode(List<Reply.Button> buttons) {
		if (buttons.isEmpty()) {
			return null;
		}
		try {
			return JSON.writeValueAsString(buttons.stream().map(button -> List.of(button.label(), button.data())).toList());
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<Reply.Button> decode(String buttons) {
		if (buttons == null) {
			return List.of();
		}
		try {
			return Arrays.stream(JSON.readValue(buttons, String[][].class))
				.map(pair -> new Reply.Button(pair[0], pair[1]))
				.toList();
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
