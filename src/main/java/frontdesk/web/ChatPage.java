package frontdesk.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import frontdesk.intent.MessageKey;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The chat page ({@code web/chat.html}, where {@code {{WEB_TITLE}}} stands for the text of
 * {@link MessageKey#WEB_TITLE}), with its texts (title, the input's hint, the notices the page shows itself) from the bot's own
 * texts, so a business can word or translate them in {@code messages.yml} like the rest.
 */
@RestController
class ChatPage {

	private static final Pattern TEXT = Pattern.compile("\\{\\{([A-Z_]+)}}");

	private final String template;

	private final WebChat chat;

	ChatPage(WebChat chat) {
		this.chat = chat;
		try (InputStream in = new ClassPathResource("web/chat.html").getInputStream()) {
			this.template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The chat page is missing from the application", ex);
		}
		// a name that is not a text's fails here, at start-up, not on a visitor's request
		TEXT.matcher(template).results().forEach((name) -> MessageKey.valueOf(name.group(1)));
	}

	@GetMapping(path = { "/", "/index.html" }, produces = MediaType.TEXT_HTML_VALUE)
	String page() {
		Matcher matcher = TEXT.matcher(template);
		StringBuilder page = new StringBuilder(template.length() + 256);
		while (matcher.find()) {
			String text = HtmlUtils.htmlEscape(chat.text(MessageKey.valueOf(matcher.group(1))), "UTF-8");
			matcher.appendReplacement(page, Matcher.quoteReplacement(text));
		}
		return matcher.appendTail(page).toString();
	}

}
