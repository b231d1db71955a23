package frontdesk.web;

import frontdesk.intent.MessageKey;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The chat page, with its own texts (title, the input's hint, the notices the page shows itself) from the bot's texts,
 * so a business can word or translate them in {@code messages.yml} like the rest.
 */
@Controller
class ChatPage {

	private final WebChat chat;

	ChatPage(WebChat chat) {
		this.chat = chat;
	}

	@GetMapping(path = { "/", "/index.html" }, produces = "text/html;charset=UTF-8")
	String page(Model model) {
		model.addAttribute("title", chat.text(MessageKey.WEB_TITLE));
		model.addAttribute("subtitle", chat.text(MessageKey.WEB_SUBTITLE));
		model.addAttribute("placeholder", chat.text(MessageKey.WEB_PLACEHOLDER));
		model.addAttribute("send", chat.text(MessageKey.WEB_SEND));
		model.addAttribute("typing", chat.text(MessageKey.WEB_TYPING));
		model.addAttribute("notSent", chat.text(MessageKey.WEB_NOT_SENT));
		model.addAttribute("offline", chat.text(MessageKey.WEB_OFFLINE));
		return "chat";
	}

}
