package frontdesk.console;

import java.security.Principal;

import frontdesk.conversation.ConversationService;
import frontdesk.conversation.CustomerProfile;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Erasing a customer's data at their request: a page that says what goes and what stays, and the button that does it.
 */
@Controller
class ForgetController {

	private final ConversationService conversations;

	private final ConsoleDesk desk;

	private final ConsoleUsers users;

	ForgetController(ConversationService conversations, ConsoleDesk desk, ConsoleUsers users) {
		this.conversations = conversations;
		this.desk = desk;
		this.users = users;
	}

	@GetMapping("/console/customers/{id}/forget")
	String ask(@PathVariable long id, Model model) {
		CustomerProfile customer = conversations.customer(id).orElseThrow(() -> noSuchCustomer(id));
		model.addAttribute("id", id);
		model.addAttribute("customer", Format.name(customer));
		model.addAttribute("channel", Format.channel(customer));
		model.addAttribute("refused", conversations.whyNotForget(id));
		return "console/forget";
	}

	@PostMapping("/console/customers/{id}/forget")
	String forget(@PathVariable long id, Principal principal, RedirectAttributes flash) {
		try {
			flash.addFlashAttribute("notice", desk.forget(id, ConsolePages.staff(users, principal)));
			return "redirect:/console";
		}
		catch (IllegalArgumentException ex) {
			throw noSuchCustomer(id);
		}
		catch (IllegalStateException ex) {
			// forgotten already (the button pressed twice, say), or a conversation open: the page says which; anything
			// else is said here
			if (conversations.whyNotForget(id) == null) {
				flash.addFlashAttribute("problem", "Not forgotten: " + ex.getMessage());
			}
			return "redirect:/console/customers/" + id + "/forget";
		}
	}

	private static ResponseStatusException noSuchCustomer(long id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No customer " + id);
	}
}
