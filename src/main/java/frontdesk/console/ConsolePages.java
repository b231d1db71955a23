package frontdesk.console;

import java.security.Principal;

import frontdesk.ticket.StaffMember;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page shows: who is signed in.
 */
@ControllerAdvice(assignableTypes = { QueueController.class, ConversationController.class, ReportsController.class,
		ForgetController.class })
class ConsolePages {

	private final ConsoleUsers users;

	ConsolePages(ConsoleUsers users) {
		this.users = users;
	}

	/** The signed-in staff member's name, or {@code null} on pages seen before signing in. */
	@ModelAttribute("me")
	String me(Principal principal) {
		return principal == null ? null : users.staffMember(principal.getName()).name();
	}

	/** The signed-in user as a staff member. */
	static StaffMember staff(ConsoleUsers users, Principal principal) {
		return users.staffMember(principal.getName());
	}
}
