package frontdesk.web;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The chat API: visitors known by a signed cookie, JSON only, polite answers to bad input.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ChatApiTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Visitors visitors;

	@Autowired
	WebChat chat;

	@Autowired
	PlatformTransactionManager transactions;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.data-dir", () -> "./target/test-data/chat-api-" + UUID.randomUUID());
	}

	@Test
	void aNewVisitorGetsASignedHttpOnlyCookieAndTheirChatComesBackWithIt() throws Exception {
		MvcResult first = mvc.perform(post("/api/chat/lines").contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"how much does delivery cost?\"}"))
			.andExpect(status().isOk())
			.andExpect(header().string("Set-Cookie", containsString("HttpOnly")))
			.andExpect(jsonPath("$.lines[0].author").value("visitor"))
			.andExpect(jsonPath("$.lines[1].text").value(containsString("£3.95")))
			.andReturn();
		Cookie cookie = first.getResponse().getCookie(Visitors.COOKIE);

		mvc.perform(get("/api/chat/lines").cookie(cookie))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Set-Cookie"))
			.andExpect(jsonPath("$", hasSize(2)))
			.andExpect(jsonPath("$[0].text").value("how much does delivery cost?"));
	}

	@Test
	void twoFirstMessagesOfANewVisitorAtOnceAreBothKept() throws Exception {
		String visitor = UUID.randomUUID().toString();
		Cookie cookie = new Cookie(Visitors.COOKIE, visitors.sign(visitor));
		TransactionStatus first = transactions.getTransaction(TransactionDefinition.withDefaults());
		chat.write(visitor, "how much does delivery cost?", null);
		CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> {
			try {
				return mvc.perform(post("/api/chat/lines").cookie(cookie).contentType(MediaType.APPLICATION_JSON)
						.content("{\"text\": \"do you ship to france?\"}"))
					.andReturn().getResponse().getStatus();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		Thread.sleep(300);
		transactions.commit(first);

		assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(200);
		mvc.perform(get("/api/chat/lines").cookie(cookie))
			.andExpect(jsonPath("$[?(@.author == 'visitor')].text").value(
					org.hamcrest.Matchers.contains("how much does delivery cost?", "do you ship to france?")));
	}

	@Test
	void aForgedCookieIsAStrangerWhoSeesNothing() throws Exception {
		Cookie mine = cookieAfter("my order number is 55120");
		String visitor = visitors.verify(mine.getValue()).orElseThrow();
		Cookie forged = new Cookie(Visitors.COOKIE, visitor + ".bm90LXRoZS1zaWduYXR1cmU");

		mvc.perform(get("/api/chat/lines").cookie(forged))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(0)))
			.andExpect(header().exists("Set-Cookie"));
		assertThat(visitors.verify(visitor)).isEmpty();
		assertThat(visitors.verify(visitors.sign(visitor))).contains(visitor);
	}

	@Test
	void takesJsonOnlySoOtherSitesCannotPostForAVisitor() throws Exception {
		mvc.perform(post("/api/chat/lines").contentType(MediaType.APPLICATION_FORM_URLENCODED).content("text=hello"))
			.andExpect(status().isUnsupportedMediaType());
	}

	@Test
	void anEmptyOrOverlongMessageGetsAClearError() throws Exception {
		mvc.perform(post("/api/chat/lines").contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"   \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error").value("A message has 1 to 4096 characters"));
		mvc.perform(post("/api/chat/lines").contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"" + "a".repeat(5000) + "\"}"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void aPostLargerThanAnyMessageIsRefusedBeforeItIsRead() throws Exception {
		// the longest message, every character escaped, still goes through
		mvc.perform(post("/api/chat/lines").contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"" + "\\u00e9".repeat(4096) + "\"}"))
			.andExpect(status().isOk());
		mvc.perform(post("/api/chat/lines").contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"" + "a".repeat(ChatBodyLimit.MAX_BYTES) + "\"}"))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.error").value("That is too long to send."));
		mvc.perform(post("/api/chat/buttons").contentType(MediaType.APPLICATION_JSON)
				.content("{\"line\": 1, \"data\": \"" + "a".repeat(ChatBodyLimit.MAX_BYTES) + "\"}"))
			.andExpect(status().isPayloadTooLarge());
	}

	@Test
	void aMessageSentAgainWithItsIdIsKeptAndAnsweredOnceAndGetsTheFirstAnswer(@Autowired JdbcTemplate jdbc)
			throws Exception {
		String message = "{\"text\": \"how much does delivery cost?\", \"id\": \"3b1f7c9e-page-1\"}";
		MvcResult first = mvc.perform(post("/api/chat/lines").contentType(MediaType.APPLICATION_JSON).content(message))
			.andExpect(status().isOk())
			.andReturn();
		Cookie visitor = first.getResponse().getCookie(Visitors.COOKIE);

		// the page did not get that answer, and sends the message again
		MvcResult again = mvc.perform(post("/api/chat/lines").cookie(visitor).contentType(MediaType.APPLICATION_JSON)
				.content(message))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.lines[0].text").value("how much does delivery cost?"))
			.andExpect(jsonPath("$.lines[1].text").value(containsString("£3.95")))
			.andReturn();

		// the same lines (their times as stored, to the microsecond)
		assertThat(withoutTimes(again)).isEqualTo(withoutTimes(first));
		String id = visitors.verify(visitor.getValue()).orElseThrow();
		assertThat(jdbc.queryForObject("select count(*) from web_line where visitor_id = ? and author = 'VISITOR'",
				Integer.class, id)).isEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from conversation_message m join conversation c on c.id = m.conversation_id "
				+ "join customer u on u.id = c.customer_id where u.external_id = ? and m.author = 'CUSTOMER'",
				Integer.class, id)).isEqualTo(1);
		// an id that is no page's is refused clearly, whatever the database
		mvc.perform(post("/api/chat/lines").cookie(visitor).contentType(MediaType.APPLICATION_JSON)
			.content(message.replace("3b1f7c9e-page-1", "a\\u0000b"))).andExpect(status().isBadRequest());
		// another message of the same text, with its own id, is another message
		mvc.perform(post("/api/chat/lines").cookie(visitor).contentType(MediaType.APPLICATION_JSON)
			.content(message.replace("page-1", "page-2"))).andExpect(status().isOk());
		assertThat(jdbc.queryForObject("select count(*) from web_line where visitor_id = ? and author = 'VISITOR'",
				Integer.class, id)).isEqualTo(2);
	}

	private static String withoutTimes(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString().replaceAll("\"at\":\"[^\"]*\"", "");
	}

	@Test
	void aButtonOnlyWorksUnderTheVisitorsOwnLines() throws Exception {
		MvcResult greeting = mvc.perform(post("/api/chat/lines").contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"/start\"}"))
			.andExpect(jsonPath("$.lines[1].buttons[0].data").value(containsString("i:")))
			.andReturn();
		Cookie owner = greeting.getResponse().getCookie(Visitors.COOKIE);
		String body = greeting.getResponse().getContentAsString();
		long line = Long.parseLong(body.replaceAll("(?s).*\"id\":(\\d+),\"author\":\"bot\".*", "$1"));
		String data = body.replaceAll("(?s).*?\"data\":\"(i:[^\"]+)\".*", "$1");

		mvc.perform(post("/api/chat/buttons").contentType(MediaType.APPLICATION_JSON)
				.content("{\"line\": %d, \"data\": \"%s\"}".formatted(line, data)))
			.andExpect(jsonPath("$.notice").value("That button isn't for you."))
			.andExpect(jsonPath("$.lines", hasSize(0)));
		mvc.perform(post("/api/chat/buttons").cookie(owner).contentType(MediaType.APPLICATION_JSON)
				.content("{\"line\": %d, \"data\": \"take:1\"}".formatted(line)))
			.andExpect(jsonPath("$.notice").value("That button isn't for you."));
		mvc.perform(post("/api/chat/buttons").cookie(owner).contentType(MediaType.APPLICATION_JSON)
				.content("{\"line\": %d, \"data\": \"%s\"}".formatted(line, data)))
			.andExpect(jsonPath("$.lines[0].author").value("bot"));
	}

	@Test
	void aSecondRatingFromAPageThatStillShowsTheButtonsIsToldTheConversationIsRated() throws Exception {
		Cookie visitor = mvc.perform(post("/api/chat/lines").contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"how much does delivery cost?\"}"))
			.andReturn()
			.getResponse()
			.getCookie(Visitors.COOKIE);
		String goodbye = mvc.perform(post("/api/chat/lines").cookie(visitor).contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"/end\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long line = Long.parseLong(goodbye.replaceAll("(?s).*\"id\":(\\d+),\"author\":\"bot\".*", "$1"));
		String rate = goodbye.replaceAll("(?s).*?\"data\":\"(rate:\\d+:)4\".*", "$1");

		mvc.perform(post("/api/chat/buttons").cookie(visitor).contentType(MediaType.APPLICATION_JSON)
				.content("{\"line\": %d, \"data\": \"%s4\"}".formatted(line, rate)))
			.andExpect(jsonPath("$.lines[0].text").value(containsString("You rated it 4 out of 5")));
		mvc.perform(post("/api/chat/buttons").cookie(visitor).contentType(MediaType.APPLICATION_JSON)
				.content("{\"line\": %d, \"data\": \"%s5\"}".formatted(line, rate)))
			.andExpect(jsonPath("$.notice").value("You've rated this conversation already. Thank you!"));
		// but the line offers nothing else now, as it never did
		mvc.perform(post("/api/chat/buttons").cookie(visitor).contentType(MediaType.APPLICATION_JSON)
				.content("{\"line\": %d, \"data\": \"human\"}".formatted(line)))
			.andExpect(jsonPath("$.notice").value("That button isn't for you."));
	}

	@Test
	void oneAddressFloodingTheChatIsAskedToSlowDown() throws Exception {
		for (int i = 0; i < ChatThrottle.PER_MINUTE; i++) {
			mvc.perform(post("/api/chat/lines").with(from("10.9.8.7")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"hello\"}")).andExpect(status().isOk());
		}

		mvc.perform(post("/api/chat/lines").with(from("10.9.8.7")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"hello\"}"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(jsonPath("$.notice").value(containsString("Please wait a moment")));
		mvc.perform(post("/api/chat/lines").with(from("10.9.8.8")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\": \"hello\"}")).andExpect(status().isOk());
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	@Test
	void thePageAndTheWidgetAreOpenToAnyone() throws Exception {
		mvc.perform(get("/")).andExpect(status().isOk());
		mvc.perform(get("/widget.js")).andExpect(status().isOk());
		mvc.perform(get("/chat/chat.js")).andExpect(status().isOk());
	}

	private Cookie cookieAfter(String text) throws Exception {
		return mvc.perform(post("/api/chat/lines").contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\": \"" + text + "\"}"))
			.andReturn()
			.getResponse()
			.getCookie(Visitors.COOKIE);
	}
}
