package frontdesk.console;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Who may see the staff console: signed-in console users only (form sign-in with CSRF protection, or HTTP Basic for
 * scripts), with failed sign-ins throttled. Covers the console's own paths alone, so the customers' pages stay open.
 * With no users set up, nothing of the console is reachable but the page saying it is off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ConsoleSecurity {

	/** The paths the console's security covers. */
	static final String[] PATHS = { "/console", "/console/**", "/api/stats" };

	/** What the console's pages may load and where their forms may go: only from the app itself. */
	static final String CONTENT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

	static final String LOGIN = "/console/login";

	private static final int DRAFT_KEPT_SECONDS = 3600;

	private static final Pattern REPLY = Pattern.compile("/console/tickets/(\\d{1,18})/reply");

	@Bean
	@Order(1)
	SecurityFilterChain consoleFilterChain(HttpSecurity http, ConsoleUsers users, LoginThrottle throttle)
			throws Exception {
		http.securityMatcher(PATHS)
			.headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(CONTENT_POLICY))
				// a link in a customer's message opened from the console does not tell the site which conversation it was in
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		if (!users.enabled()) {
			return http
				.authorizeHttpRequests(requests -> requests
					.requestMatchers(HttpMethod.GET, "/console", "/console/", LOGIN, "/console/assets/**").permitAll()
					.anyRequest().denyAll())
				.exceptionHandling(handling -> handling.authenticationEntryPoint(ConsoleSecurity::off))
				.build();
		}
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(new BCryptPasswordEncoder());
		AuthenticationEntryPoint api = ConsoleSecurity::apiSignIn;
		return http.authenticationManager(new ProviderManager(new ThrottledAuthentication(passwords, throttle)))
			.authorizeHttpRequests(requests -> requests.requestMatchers(LOGIN, "/console/assets/**").permitAll()
				.anyRequest().hasRole("STAFF"))
			.formLogin(form -> form.loginPage(LOGIN).defaultSuccessUrl("/console"))
			// the page asked for before signing in is kept in a cookie, not in a session made for each anonymous request
			.requestCache(cache -> cache.requestCache(new CookieRequestCache()))
			.httpBasic(basic -> basic.authenticationEntryPoint(api))
			.logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl(LOGIN + "?signed-out"))
			.exceptionHandling(handling -> handling.accessDeniedHandler(ConsoleSecurity::denied)
				.defaultAuthenticationEntryPointFor(api, PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN),
						PathPatternRequestMatcher.withDefaults().matcher("/console/**")))
			.build();
	}

	/**
	 * A console form sent without its session's CSRF token, as when the session ended (a restart, or a long pause)
	 * while a reply was being written, or from a page older than the session (signed in again in another tab): the
	 * staff member is sent to sign in again, or back to the queue if signed in, and a reply comes back in its box there
	 * rather than being lost to an error page. Only a reply the browser says came from the console's own pages comes
	 * back: one another site's form (forged) is not put in anyone's box.
	 */
	private static void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		// a script (HTTP Basic) is refused as such; it has no sign-in page to go to
		if (!(denied instanceof CsrfException) || !path.startsWith("/console") || request.getHeader("Authorization") != null) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		boolean signedIn = user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken);
		Matcher reply = REPLY.matcher(path);
		String text = request.getParameter("text");
		FlashMap notice = new FlashMap();
		if (reply.matches() && text != null && !text.isBlank() && fromTheConsole(request, signedIn)) {
			notice.put("problem", (signedIn ? "That page was older than your session" : "Your session had ended")
					+ ", so the reply was not sent. Here it is again.");
			notice.put("draft", QueueController.typed(text));
			notice.put("draftTicket", Long.valueOf(reply.group(1)));
		}
		else if (signedIn) {
			notice.put("problem", "That page was older than your session, so nothing was done. Please try again.");
		}
		if (!notice.isEmpty()) {
			notice.setTargetRequestPath(request.getContextPath() + "/console");
			SessionFlashMapManager notices = new SessionFlashMapManager();
			// signing in again may take longer than the three minutes a notice is usually kept
			notices.setFlashMapTimeout(DRAFT_KEPT_SECONDS);
			notices.saveOutputFlashMap(notice, request, response);
		}
		response.sendRedirect(request.getContextPath() + (signedIn ? "/console" : LOGIN + "?expired"));
	}

	/**
	 * Whether the browser says the request comes from the console's own pages: by {@code Sec-Fetch-Site}, or else by
	 * an {@code Origin} of the same host. An older browser that sends neither is believed only with the cookie of a
	 * session that has ended: another site's form comes without the cookie (it is {@code SameSite=Lax}).
	 */
	private static boolean fromTheConsole(HttpServletRequest request, boolean signedIn) {
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null) {
			return site.equals("same-origin");
		}
		String origin = request.getHeader("Origin");
		if (origin == null) {
			return !signedIn && request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
		}
		try {
			String host = URI.create(origin).getAuthority();
			return host != null && host.equalsIgnoreCase(request.getHeader("Host"));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** A script that is not signed in: asked for HTTP Basic, or told to wait after too many failed tries. */
	private static void apiSignIn(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException problem) throws IOException {
		if (problem instanceof LoginThrottledException throttled) {
			response.setHeader("Retry-After", String.valueOf(Math.max(1, throttled.retryAfter().toSeconds() + 1)));
			json(response, HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage());
			return;
		}
		response.setHeader("WWW-Authenticate", "Basic realm=\"Frontdesk console\", charset=\"UTF-8\"");
		json(response, HttpStatus.UNAUTHORIZED,
				"Sign in with a console user: HTTP Basic, or the session of the console's sign-in page.");
	}

	/** With the console off, its pages lead to the page that says so, and the figures are not served. */
	private static void off(HttpServletRequest request, HttpServletResponse response, AuthenticationException problem)
			throws IOException {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			json(response, HttpStatus.FORBIDDEN,
					"The staff console is off: no users are set up (frontdesk.console.users).");
		}
		else {
			response.sendRedirect(request.getContextPath() + "/console");
		}
	}

	private static void json(HttpServletResponse response, HttpStatus status, String message) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write("{\"error\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
	}
}
