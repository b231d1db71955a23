package frontdesk.console;

import java.util.List;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import frontdesk.conversation.ConversationService;
import frontdesk.conversation.CustomerProfile;
import frontdesk.conversation.Inbound;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static frontdesk.console.ConsoleUsersForTests.PASSWORD;
import static frontdesk.console.ConsoleUsersForTests.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who gets into the staff console: signed-in console users only, with CSRF protection, throttled guessing, and the
 * figures for scripts over HTTP Basic. The customers' pages are not the console's to guard.
 */
@SpringBootTest(properties = { "frontdesk.console.login-failures-per-user=3",
		"frontdesk.console.login-failures-per-address=6" })
@AutoConfigureMockMvc
class ConsoleSecurityTest {

	@DynamicPropertySource
	static void users(DynamicPropertyRegistry registry) {
		ConsoleUsersForTests.register(registry, "console-security", "grace", "alan", "mallory", "ivy", "bob", "eve",
				"racer");
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	ConversationService conversations;

	/** A request that comes with the cookie of a session the server no longer has, as after a restart. */
	private static RequestPostProcessor endedSession() {
		return (request) -> {
			request.setRequestedSessionId("ended");
			request.setRequestedSessionIdValid(false);
			return request;
		};
	}

	/** A request in the given session, with its cookie, as a browser sends it. */
	private static RequestPostProcessor in(MockHttpSession session) {
		return (request) -> {
			request.setSession(session);
			request.setRequestedSessionId(session.getId());
			request.setRequestedSessionIdValid(true);
			return request;
		};
	}

	/** A request for a person from a web visitor; returns its ticket's id. */
	private long ticketOf(String name) {
		String said = conversations.handle(Inbound.text(new CustomerProfile("web", "security-" + name, name, null),
				"/human", null)).replies().get(0).text();
		Matcher number = Pattern.compile("#T-(\\d+)").matcher(said);
		assertThat(number.find()).as(said).isTrue();
		return Long.parseLong(number.group(1));
	}

	private MvcResult signIn(String username, String password, String address) throws Exception {
		return mvc.perform(post("/console/login").param("username", username).param("password", password)
			.with(csrf())
			.with(from(address))).andReturn();
	}

	@Nested
	class SigningIn {

		@Test
		void sendsAnyoneNotSignedInToTheSignInPage() throws Exception {
			mvc.perform(get("/console")).andExpect(status().isFound()).andExpect(redirectedUrl("/console/login"));
			mvc.perform(get("/console/reports")).andExpect(redirectedUrl("/console/login"));
			mvc.perform(get("/console/conversations/1")).andExpect(redirectedUrl("/console/login"));
		}

		@Test
		void keepsNoSessionForAnAnonymousRequestAndReturnsToThePageAskedForOnceSignedIn() throws Exception {
			MvcResult asked = mvc.perform(get("/console/conversations/1").header("X-Padding", "x".repeat(4000)))
				.andExpect(redirectedUrl("/console/login"))
				.andReturn();
			assertThat(asked.getRequest().getSession(false)).isNull();
			assertThat(mvc.perform(get("/api/stats")).andExpect(status().isUnauthorized()).andReturn().getRequest()
				.getSession(false)).isNull();

			MvcResult signedIn = mvc.perform(post("/console/login").param("username", "grace")
				.param("password", PASSWORD)
				.with(csrf())
				.with(from("10.0.1.9"))
				.cookie(asked.getResponse().getCookies())).andReturn();

			assertThat(signedIn.getResponse().getRedirectedUrl()).endsWith("/console/conversations/1");
		}

		@Test
		void showsTheSignInFormWithItsCsrfToken() throws Exception {
			mvc.perform(get("/console/login"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("name=\"password\"")))
				.andExpect(content().string(containsString("name=\"_csrf\"")))
				.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
				.andExpect(header().string("Referrer-Policy", "same-origin"));
		}

		@Test
		void letsAUserInWithTheRightPassword() throws Exception {
			MvcResult signedIn = signIn("grace", PASSWORD, "10.0.1.1");

			assertThat(signedIn.getResponse().getStatus()).isEqualTo(302);
			assertThat(signedIn.getResponse().getRedirectedUrl()).isEqualTo("/console");
			MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession();
			mvc.perform(get("/console").session(session))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Queue")))
				.andExpect(content().string(containsString("Grace")));
		}

		@Test
		void rejectsAWrongPasswordAndSaysSo() throws Exception {
			MvcResult refused = signIn("alan", "not the password", "10.0.1.2");

			assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/console/login?error");
			String page = mvc.perform(get("/console/login?error").session((MockHttpSession) refused.getRequest()
				.getSession())).andReturn().getResponse().getContentAsString();
			assertThat(page).contains("Wrong user name or password.")
				.containsPattern("<input id=\"username\"[^>]*\\svalue=\"alan\"")
				.containsPattern("<input id=\"password\"[^>]*\\sautofocus")
				.doesNotContainPattern("<input id=\"username\"[^>]*\\sautofocus");
		}

		@Test
		void rejectsAnUnknownUser() throws Exception {
			assertThat(signIn("nobody", PASSWORD, "10.0.1.3").getResponse().getRedirectedUrl())
				.isEqualTo("/console/login?error");
		}

		@Test
		void refusesASignInWithoutItsCsrfTokenAndSaysTheSessionEnded() throws Exception {
			MvcResult refused = mvc.perform(post("/console/login").param("username", "grace").param("password", PASSWORD))
				.andExpect(redirectedUrl("/console/login?expired"))
				.andReturn();

			mvc.perform(get("/console").session((MockHttpSession) refused.getRequest().getSession()))
				.andExpect(redirectedUrl("/console/login"));
			mvc.perform(get("/console/login?expired"))
				.andExpect(content().string(containsString("Your session has ended: please sign in again.")));
		}

		@Test
		void signsOut() throws Exception {
			MockHttpSession session = (MockHttpSession) signIn("grace", PASSWORD, "10.0.1.4").getRequest().getSession();

			mvc.perform(post("/console/logout").session(session).with(csrf()).accept(MediaType.TEXT_HTML))
				.andExpect(redirectedUrl("/console/login?signed-out"));
			mvc.perform(get("/console").session(session)).andExpect(redirectedUrl("/console/login"));
		}
	}

	@Nested
	class Throttling {

		@Test
		void makesAUserNameWaitAfterTooManyFailuresEvenWithTheRightPassword() throws Exception {
			signIn("mallory", "guess 1", "10.0.2.1");
			signIn("mallory", "guess 2", "10.0.2.2");
			MvcResult third = signIn("mallory", "guess 3", "10.0.2.3");

			mvc.perform(get("/console/login?error").session((MockHttpSession) third.getRequest().getSession()))
				.andExpect(content().string(containsString("Too many failed sign-in attempts. Try again in")));
			MvcResult right = signIn("mallory", PASSWORD, "10.0.2.4");
			assertThat(right.getResponse().getRedirectedUrl()).isEqualTo("/console/login?error");
			mvc.perform(get("/console/login?error").session((MockHttpSession) right.getRequest().getSession()))
				.andExpect(content().string(containsString("Too many failed sign-in attempts")));
		}

		@Test
		void doesNotHoldUpAnotherUserName() throws Exception {
			for (int i = 0; i < 4; i++) {
				signIn("ivy", "guess " + i, "10.0.3.1");
			}

			assertThat(signIn("bob", PASSWORD, "10.0.3.2").getResponse().getRedirectedUrl()).isEqualTo("/console");
		}

		@Test
		void makesAnAddressWaitAfterTooManyFailuresWhateverTheUserNames() throws Exception {
			for (int i = 0; i < 6; i++) {
				signIn("someone" + i, "guess", "10.0.4.1");
			}

			assertThat(signIn("eve", PASSWORD, "10.0.4.1").getResponse().getRedirectedUrl())
				.isEqualTo("/console/login?error");
			assertThat(signIn("eve", PASSWORD, "10.0.4.2").getResponse().getRedirectedUrl()).isEqualTo("/console");
		}

		@Test
		void checksNoMorePasswordsThanTheLimitThoughTheTriesComeAllAtOnce() throws Exception {
			java.util.concurrent.ExecutorService at = java.util.concurrent.Executors.newFixedThreadPool(12);
			try {
				List<java.util.concurrent.Future<Integer>> tries = new java.util.ArrayList<>();
				for (int i = 0; i < 24; i++) {
					String guess = "guess " + i;
					tries.add(at.submit(() -> mvc.perform(get("/api/stats").with(httpBasic("racer", guess))
						.with(from("10.0.7." + (1 + guess.length() % 3)))).andReturn().getResponse().getStatus()));
				}
				List<Integer> statuses = new java.util.ArrayList<>();
				for (java.util.concurrent.Future<Integer> each : tries) {
					statuses.add(each.get());
				}
				// the user name's three tries are the only passwords checked; every other try is told to wait
				assertThat(statuses).filteredOn(status -> status == 401).hasSizeLessThanOrEqualTo(3);
				assertThat(statuses).filteredOn(status -> status == 429).hasSizeGreaterThanOrEqualTo(21);
			}
			finally {
				at.shutdown();
			}
			mvc.perform(get("/api/stats").with(httpBasic("racer", PASSWORD)).with(from("10.0.7.9")))
				.andExpect(status().isTooManyRequests());
		}

		@Test
		void tellsAScriptHowLongToWait() throws Exception {
			for (int i = 0; i < 3; i++) {
				mvc.perform(get("/api/stats").with(httpBasic("throttled-script", "guess " + i)).with(from("10.0.5.1")))
					.andExpect(status().is4xxClientError());
			}

			mvc.perform(get("/api/stats").with(httpBasic("throttled-script", "guess")).with(from("10.0.5.2")))
				.andExpect(status().isTooManyRequests())
				.andExpect(header().exists("Retry-After"))
				.andExpect(jsonPath("$.error", containsString("Too many failed sign-in attempts")));
		}
	}

	@Nested
	class Csrf {

		@Test
		void refusesAnActionWithoutTheTokenSendingTheStaffMemberToSignInAgainOrBackToTheQueue() throws Exception {
			mvc.perform(post("/console/tickets/1/take")).andExpect(redirectedUrl("/console/login?expired"));
			mvc.perform(post("/console/reports/examples").param("intent", "greeting").param("text", "yo")
				.with(endedSession())).andExpect(redirectedUrl("/console/login?expired"));
			// signed in, from a page older than the session: nothing done, and said so
			MvcResult old = mvc.perform(post("/console/tickets/1/take").with(user("grace").roles("STAFF")))
				.andExpect(redirectedUrl("/console"))
				.andReturn();
			mvc.perform(get("/console").session((MockHttpSession) old.getRequest().getSession())
				.with(user("grace").roles("STAFF")))
				.andExpect(content().string(containsString("That page was older than your session, so nothing was "
						+ "done.")));
		}

		@Test
		void aReplySentAfterTheSessionEndedComesBackInItsBoxOnceSignedInAgain() throws Exception {
			long ticket = ticketOf("Ada");
			MvcResult refused = mvc.perform(post("/console/tickets/{id}/reply", ticket)
				.param("text", "Your refund is on its way\r\n")
				.header("Sec-Fetch-Site", "same-origin")
				.with(endedSession()))
				.andExpect(redirectedUrl("/console/login?expired"))
				.andReturn();
			MockHttpSession session = (MockHttpSession) refused.getRequest().getSession();

			String queue = mvc.perform(get("/console").session(session).with(user("grace").roles("STAFF")))
				.andExpect(model().attribute("problem", containsString("the reply was not sent")))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(queue).contains("id=\"reply-" + ticket + "\" rows=\"2\" maxlength=\"4000\" required dir=\"auto\">Your "
					+ "refund is on its way</textarea>").doesNotContain("id=\"draft\"");
		}

		@Test
		void aReplySentFromAPageOlderThanTheSessionComesBackInItsBox() throws Exception {
			long ticket = ticketOf("Cy");
			MockHttpSession session = (MockHttpSession) signIn("grace", PASSWORD, "10.0.9.7").getRequest()
				.getSession();

			mvc.perform(post("/console/tickets/{id}/reply", ticket).with(in(session))
				.header("Sec-Fetch-Site", "same-origin")
				.param("text", "Your parcel left the warehouse today")
				.with(csrf().useInvalidToken())).andExpect(redirectedUrl("/console"));

			mvc.perform(get("/console").session(session))
				.andExpect(content().string(containsString("That page was older than your session")))
				.andExpect(content().string(containsString("required dir=\"auto\">Your parcel left the warehouse today</textarea>")));
		}

		@Test
		void aReplyWhoseRequestClosedMeanwhileIsShownToCopy() throws Exception {
			MvcResult refused = mvc.perform(post("/console/tickets/999999/reply").param("text", "See you soon")
				.with(endedSession())).andExpect(redirectedUrl("/console/login?expired")).andReturn();

			mvc.perform(get("/console").session((MockHttpSession) refused.getRequest().getSession())
				.with(user("grace").roles("STAFF")))
				.andExpect(content().string(containsString("<textarea id=\"draft\" rows=\"3\" readonly>See you soon"
						+ "</textarea>")));
		}

		@Test
		void aFormOfAnotherSiteSentInALiveSessionPutsNothingInTheReplyBox() throws Exception {
			long ticket = ticketOf("Bea");
			MockHttpSession session = (MockHttpSession) signIn("grace", PASSWORD, "10.0.9.1").getRequest()
				.getSession();

			mvc.perform(post("/console/tickets/{id}/reply", ticket).with(in(session))
				.header("Origin", "https://evil.example")
				.param("text", "Pay the refund fee at https://evil.example/pay"))
				.andExpect(redirectedUrl("/console"));
			mvc.perform(post("/console/tickets/{id}/reply", ticket).with(in(session))
				.param("text", "Pay the refund fee at https://evil.example/pay"))
				.andExpect(redirectedUrl("/console"));
			mvc.perform(post("/console/tickets/{id}/reply", ticket).with(endedSession())
				.header("Sec-Fetch-Site", "cross-site")
				.param("text", "Pay the refund fee at https://evil.example/pay"))
				.andExpect(redirectedUrl("/console/login?expired"));
			// from an older browser that says nothing of where the form came from, without the session's cookie
			MvcResult cookieless = mvc.perform(post("/console/tickets/{id}/reply", ticket)
				.param("text", "Pay the refund fee at https://evil.example/pay"))
				.andExpect(redirectedUrl("/console/login?expired"))
				.andReturn();
			mvc.perform(get("/console").session((MockHttpSession) cookieless.getRequest().getSession())
				.with(user("grace").roles("STAFF")))
				.andExpect(content().string(not(containsString("evil.example"))));

			mvc.perform(get("/console").session(session))
				.andExpect(content().string(not(containsString("evil.example"))));
		}

		@Test
		void aRefusedReplyToANumberTooLargeForATicketIsStillSentToSignIn() throws Exception {
			mvc.perform(post("/console/tickets/99999999999999999999/reply").param("text", "hello")
				.with(endedSession())).andExpect(redirectedUrl("/console/login?expired"));
		}

		@Test
		void refusesAnActionOverHttpBasicWithoutTheToken() throws Exception {
			mvc.perform(post("/console/tickets/1/close").with(httpBasic("grace", PASSWORD)).with(from("10.0.6.1")))
				.andExpect(status().isForbidden());
		}

		@Test
		void acceptsAnActionWithTheToken() throws Exception {
			mvc.perform(post("/console/tickets/999999/take").with(user("grace").roles("STAFF")).with(csrf()))
				.andExpect(redirectedUrl("/console"));
		}
	}

	@Nested
	class StatsApi {

		@Test
		void answersAScriptSignedInWithHttpBasic() throws Exception {
			mvc.perform(get("/api/stats?days=30").with(httpBasic("grace", PASSWORD)).with(from("10.0.7.1")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.days").value(30))
				.andExpect(jsonPath("$.conversations").isNumber())
				.andExpect(jsonPath("$.botOnlyShare").isNumber())
				.andExpect(jsonPath("$.requests.total").isNumber())
				.andExpect(jsonPath("$.promises.kept").isNumber())
				.andExpect(jsonPath("$", hasKey("medianFirstResponseSeconds")))
				.andExpect(jsonPath("$", hasKey("medianOpenFirstResponseSeconds")))
				.andExpect(jsonPath("$.ratings.all.distribution.length()").value(5))
				.andExpect(jsonPath("$.unanswered").isArray());
		}

		@Test
		void answersTheSignedInConsole() throws Exception {
			MockHttpSession session = (MockHttpSession) signIn("grace", PASSWORD, "10.0.7.2").getRequest().getSession();

			mvc.perform(get("/api/stats").session(session))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.days").value(7));
		}

		@Test
		void asksAnyoneElseToSignIn() throws Exception {
			mvc.perform(get("/api/stats"))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string("WWW-Authenticate", containsString("Basic")))
				.andExpect(jsonPath("$.error", containsString("Sign in")));
		}

		@Test
		void refusesAWrongPassword() throws Exception {
			mvc.perform(get("/api/stats").with(httpBasic("alan", "wrong")).with(from("10.0.7.3")))
				.andExpect(status().isUnauthorized());
		}

		@Test
		void saysWhatIsWrongWithABadPeriod() throws Exception {
			for (String days : new String[] { "0", "367", "abc", "-1", "2.5" }) {
				mvc.perform(get("/api/stats").param("days", days).with(user("grace").roles("STAFF")))
					.andExpect(status().isBadRequest())
					.andExpect(jsonPath("$.error", containsString("days must be a whole number from 1 to 366")));
			}
		}
	}

	@Nested
	class CustomerPages {

		@Test
		void areNotTheConsolesToGuard() throws Exception {
			for (String path : new String[] { "/", "/widget.js" }) {
				MvcResult result = mvc.perform(get(path)).andReturn();
				assertThat(result.getResponse().getStatus()).as(path).isNotIn(401, 403);
				assertThat(result.getResponse().getRedirectedUrl()).as(path).isNull();
				assertThat(result.getResponse().getHeader("WWW-Authenticate")).as(path).isNull();
			}
		}
	}
}
