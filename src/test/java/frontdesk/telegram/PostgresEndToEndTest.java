package frontdesk.telegram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import frontdesk.conversation.ConversationService;
import frontdesk.staff.StaffDesk;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static frontdesk.telegram.Scenes.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The postgres profile on a real PostgreSQL server (its binaries from Maven Central, started for this test): the
 * schema is made by the same migrations, and a customer's way from a question to a person to a rating is stored
 * there, with a message longer than PostgreSQL lets an ordinary index hold, and a customer's name, a Telegram message,
 * a staff reply and a web chat line with a character it cannot store.
 */
@ExtendWith(PostgresEndToEndTest.StopPostgresLast.class)
@SpringBootTest(properties = "frontdesk.matching.model=lexical")
@AutoConfigureMockMvc
@ActiveProfiles("postgres")
@DirtiesContext
class PostgresEndToEndTest {

	static final long GROUP = -1004005006007L;

	static final EmbeddedPostgres postgres = start();

	static final FakeTelegram telegram = FakeTelegram.start();

	static final Scenes scenes = new Scenes(telegram, GROUP);

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc web;

	@Autowired
	ConversationService conversations;

	@Autowired
	StaffDesk desk;

	@Autowired
	TransactionTemplate transactions;

	private static EmbeddedPostgres start() {
		try {
			return EmbeddedPostgres.builder().start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		scenes.settings(registry, "postgres-e2e");
		registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
	}

	/**
	 * Stops the server after the app (declared before the Spring extension, it comes after it at the end), so that the
	 * app does not spend the rest of the run, and its end, waiting for its database.
	 */
	static class StopPostgresLast implements AfterAllCallback {

		@Override
		public void afterAll(ExtensionContext extension) throws IOException {
			telegram.close();
			postgres.close();
		}
	}

	/**
	 * A long message in Chinese: three bytes a character, which compress little, so its event is longer than a
	 * b-tree index entry may be in PostgreSQL even compressed.
	 */
	private static String longChineseMessage(int characters) {
		Random random = new Random(42);
		StringBuilder text = new StringBuilder(characters);
		for (int i = 0; i < characters; i++) {
			text.append((char) (0x4E00 + random.nextInt(0x5000)));
		}
		return text.toString();
	}

	@Test
	void aCustomerIsAnsweredHandedToAPersonAndRatesItAllStoredInPostgres() throws Exception {
		long chat = 8_000_000_001L;
		// a NUL character, which PostgreSQL cannot keep in a text, is dropped rather than losing the message
		telegram.sendText(chat, chat, "An\u0000n", "how much does delivery cost?");
		telegram.awaitMessage(chat, text -> text.contains("£3.95"), WAIT);
		long ticket = scenes.askForPerson(chat, "Ann");
		FakeTelegram.Call card = scenes.card(ticket);
		int topic = card.body().path("message_thread_id").asInt();
		telegram.sendText(chat, chat, "Ann", "order\u0000 12345");
		telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("text").asText().equals("Ann: order 12345"), WAIT);
		String longMessage = longChineseMessage(1500);
		telegram.sendText(chat, chat, "Ann", longMessage);
		telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("text").asText().equals("Ann: " + longMessage), WAIT);

		long grace = scenes.staffMember("Grace");
		scenes.inTopic(topic, grace, "Gr\u0000ace", "Sorry Ann\u0000, a new one is on its way");
		telegram.awaitMessage(chat, text -> text.equals("Grace: Sorry Ann, a new one is on its way"), WAIT);
		telegram.sendCallback(GROUP, grace, "close:" + ticket, card.result().path("message_id").asInt());
		FakeTelegram.Call question = telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == chat
				&& body.path("text").asText().contains("How would you rate this conversation?"), WAIT);
		List<String> buttons = question.body().path("reply_markup").findValuesAsText("callback_data");
		telegram.sendCallback(chat, chat, buttons.get(4), question.result().path("message_id").asInt());
		telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == chat
				&& body.path("text").asText().startsWith("Anything we could do better?"), WAIT);

		assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
		web.perform(post("/api/chat/lines").contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\":\"hello\\u0000 there\"}")).andExpect(status().isOk());
		assertThat(jdbc.queryForList("select text from web_line where author = 'VISITOR'", String.class))
			.containsExactly("hello there");
		assertThat(jdbc.queryForList("select text from conversation_message where author = 'CUSTOMER' order by id",
				String.class))
			.containsSubsequence("how much does delivery cost?", "order 12345", longMessage);
		assertThat(jdbc.queryForObject("select taken_by from ticket where id = ?", String.class, ticket)).isEqualTo("Grace");
		assertThat(jdbc.queryForList("select text from conversation_message where author = 'STAFF'", String.class))
			.containsExactly("Grace: Sorry Ann, a new one is on its way");
		assertThat(jdbc.queryForList("select first_name from customer where channel = 'telegram'", String.class)).containsExactly("Ann");
		assertThat(jdbc.queryForObject("select score from rating", Integer.class)).isEqualTo(5);
		// every event between modules was stored and handled, the long message's among them
		await().atMost(WAIT)
			.until(() -> jdbc.queryForObject("select count(*) from event_publication where completion_date is null",
					Integer.class) == 0);

		// the customer forgotten at their request: the bulk erasing works on PostgreSQL too
		long customer = jdbc.queryForObject("select id from customer where channel = 'telegram'", Long.class);
		transactions.executeWithoutResult(status -> {
			conversations.forget(customer);
			assertThat(desk.forgetTopicOf(customer)).isEmpty();
		});
		telegram.awaitCall("deleteForumTopic", body -> body.path("message_thread_id").asInt() == topic, WAIT);
		assertThat(jdbc.queryForObject("select count(*) from conversation_message m join conversation c"
				+ " on m.conversation_id = c.id where c.customer_id = ?", Integer.class, customer)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from telegram_outbox where chat_id = ? or text like '%12345%'",
				Integer.class, chat)).isZero();
		assertThat(jdbc.queryForObject("select first_name from customer where id = ?", String.class, customer)).isNull();
		assertThat(jdbc.queryForMap("select score, comment from rating")).containsEntry("score", 5)
			.containsEntry("comment", null);
	}
}
