package frontdesk.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's sign-in page (the form is handled by Spring Security), or the page saying the console is off.
 */
@Controller
class LoginController {

	private final ConsoleUsers users;

	LoginController(ConsoleUsers users) {
		this.users = users;
	}

	@GetMapping(ConsoleSecurity.LOGIN)
	String login(HttpServletRequest request, Model model) {
		if (!users.enabled()) {
			return "console/off";
		}
		if (asked(request, "error")) {
			HttpSession session = request.getSession(false);
			Object problem = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
			model.addAttribute("problem", problem instanceof LoginThrottledException throttled ? throttled.getMessage()
					: "Wrong user name or password.");
			// the user name tried stays in its box, so only the password is typed again
			if (problem instanceof AuthenticationException failed && failed.getAuthenticationRequest() != null) {
				model.addAttribute("username", failed.getAuthenticationRequest().getName());
			}
		}
		if (asked(request, "signed-out")) {
			model.addAttribute("notice", "You have signed out.");
		}
		if (asked(request, "expired")) {
			model.addAttribute("notice", "Your session has ended: please sign in again.");
		}
		return "console/login";
	}

	/** Whether the address has the query parameter, with or without a value ({@code ?error}). */
	private static boolean asked(HttpServletRequest request, String name) {
		if (request.getParameterMap().containsKey(name)) {
			return true;
		}
		String query = request.getQueryString();
		return query != null && java.util.Arrays.stream(query.split("&")).anyMatch(part -> part.split("=")[0].equals(name));
	}
}
