package frontdesk.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import frontdesk.intent.MessageKey;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The chat page and the widget script that puts it on a business's site, with their own texts (title, the input's
 * hint, the notices the page shows itself, the widget button's labels) from the bot's texts, so a business can word
 * or translate them in {@code messages.yml} like the rest.
 */
@Controller
class ChatPage {

	private static final String LABELS = "/*LABELS*/{ open: 'Chat with us', close: 'Close the chat', unread: 'Chat with "
			+ "us: new message' }";

	private static final ObjectMapper JSON = new ObjectMapper();

	private final WebChat chat;

	private final String widget;

	ChatPage(WebChat chat) {
		this.chat = chat;
		try (InputStream in = new ClassPathResource("web/widget.js").getInputStream()) {
			this.widget = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (!this.widget.contains(LABELS)) {
			throw new IllegalStateException("web/widget.js has no place for its labels: " + LABELS);
		}
	}

	@GetMapping(path = { "/", "/index.html" }, produces = "text/html;charset=UTF-8")
	String page(Model model) {
		model.addAttribute("language", chat.text(MessageKey.LANGUAGE));
		model.addAttribute("title", chat.text(MessageKey.WEB_TITLE));
		model.addAttribute("subtitle", chat.text(MessageKey.WEB_SUBTITLE));
		model.addAttribute("placeholder", chat.text(MessageKey.WEB_PLACEHOLDER));
		model.addAttribute("send", chat.text(MessageKey.WEB_SEND));
		model.addAttribute("typing", chat.text(MessageKey.WEB_TYPING));
		model.addAttribute("notSent", chat.text(MessageKey.WEB_NOT_SENT));
		model.addAttribute("offline", chat.text(MessageKey.WEB_OFFLINE));
		model.addAttribute("tooLong", chat.text(MessageKey.WEB_TOO_LONG));
		return "chat";
	}

	/** The widget script, its labels written in as a JSON object (JSON is JavaScript, with every string escaped). */
	@GetMapping(path = "/widget.js", produces = "text/javascript;charset=UTF-8")
	@ResponseBody
	String widget() throws JsonProcessingException {
		Labels labels = new Labels(chat.text(MessageKey.WEB_TITLE), chat.text(MessageKey.WEB_CLOSE),
				chat.text(MessageKey.WEB_UNREAD));
		return widget.replace(LABELS, JSON.writeValueAsString(labels));
	}

	/**
	 * The widget button's labels: to open the chat (also the frame's title), to close it, and to open it when a
	 * message came while it was closed.
	 */
	record Labels(String open, String close, String unread) {
	}

}
