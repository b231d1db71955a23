package frontdesk.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import frontdesk.intent.MessageKey;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The chat page and the widget script that puts it on a business's site, with their own texts (title, the input's
 * hint, the notices the page shows itself, who wrote a line, the widget button's labels) from the bot's texts, so a
 * business can word or translate them in {@code messages.yml} like the rest.
 */
@Controller
class ChatPage {

	private static final String LABELS = "/*LABELS*/{ open: 'Chat with us', close: 'Close the chat', unread: 'Chat with "
			+ "us: new message' }";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Logger log = LoggerFactory.getLogger(ChatPage.class);

	private final WebChat chat;

	private final WebSettings settings;

	private final String widget;

	/** Whether the owner has been told that the widget is on another site with a cookie that cannot follow it. */
	private final AtomicBoolean toldCrossSite = new AtomicBoolean();

	ChatPage(WebChat chat, WebSettings settings) {
		this.chat = chat;
		this.settings = settings;
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
	String page(Model model, HttpServletRequest request) {
		warnIfEmbeddedAcrossSites(request);
		model.addAttribute("language", chat.text(MessageKey.LANGUAGE));
		model.addAttribute("title", chat.text(MessageKey.WEB_TITLE));
		model.addAttribute("subtitle", chat.text(MessageKey.WEB_SUBTITLE));
		model.addAttribute("placeholder", chat.text(MessageKey.WEB_PLACEHOLDER));
		model.addAttribute("send", chat.text(MessageKey.WEB_SEND));
		model.addAttribute("typing", chat.text(MessageKey.WEB_TYPING));
		model.addAttribute("you", chat.text(MessageKey.WEB_YOU));
		model.addAttribute("bot", chat.text(MessageKey.WEB_BOT));
		model.addAttribute("staff", chat.text(MessageKey.WEB_STAFF));
		model.addAttribute("notSent", chat.text(MessageKey.WEB_NOT_SENT));
		model.addAttribute("offline", chat.text(MessageKey.WEB_OFFLINE));
		model.addAttribute("tooLong", chat.text(MessageKey.WEB_TOO_LONG));
		return "chat";
	}

	/**
	 * The widget on another site, with the cookie as for the chat's own page: the browser keeps no cookie for the
	 * frame, so every message makes a new visitor, who never sees a staff reply. The page cannot tell, so the log does,
	 * once.
	 */
	private void warnIfEmbeddedAcrossSites(HttpServletRequest request) {
		if ("cross-site".equals(request.getHeader("Sec-Fetch-Site")) && "iframe".equals(request.getHeader("Sec-Fetch-Dest"))
				&& !"None".equalsIgnoreCase(settings.cookieSameSite()) && toldCrossSite.compareAndSet(false, true)) {
			log.warn("The chat is in a frame on another site ({}), but its visitors' cookie is SameSite={}, which the "
					+ "browser does not keep there: each message there is a new visitor. Serve the chat over HTTPS and "
					+ "set frontdesk.web.cookie-same-site=None and frontdesk.web.cookie-secure=true",
					Objects.requireNonNullElse(request.getHeader("Referer"), "no address given"), settings.cookieSameSite());
		}
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
