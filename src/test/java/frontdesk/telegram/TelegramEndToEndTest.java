package frontdesk.telegram;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import frontdesk.conversation.ConversationService;
import frontdesk.intent.Intent;
import frontdesk.intent.IntentLoader;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole bot, with the real TelegramBots client, talking HTTP to a fake Bot API server.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class TelegramEndToEndTest {

	/** Shaped like a real token, so that a leak into the log would show. */
	static final String TOKEN = "7012345678:AAF-realistic_looking_token_0123456789";

	static final Duration WAIT = Duration.ofSeconds(10);

	static final FakeTelegram telegram = FakeTelegram.start(TOKEN);

	private static final AtomicLong chats = new AtomicLong(5_000_000_000L);

	@Autowired
	ConversationService conversations;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void telegram(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.telegram.token", () -> TOKEN);
		registry.add("frontdesk.telegram.api-url", telegram::url);
		registry.add("frontdesk.telegram.poll-timeout", () -> "1s");
		registry.add("frontdesk.data-dir", () -> "./target/test-data/e2e-" + UUID.randomUUID());
		// the dialogue's mechanics, checked on the lexical matcher's verdicts, which these texts were chosen for
		registry.add("frontdesk.matching.model", () -> "lexical");
	}

	@AfterAll
	static void stopTelegram() {
		telegram.close();
	}

	/** A new customer for each test, with an id above 32 bits as real ones can be. */
	private static long newChat() {
		return chats.incrementAndGet();
	}

	private static List<String> buttonData(FakeTelegram.Call call) {
		return call.body().path("reply_markup").path("inline_keyboard").findValuesAsText("callback_data");
	}

	@Nested
	class Answering {

		@Test
		void answersAQuestionFromTheIntentsWithFollowUpButtons() {
			long chat = newChat();
			telegram.sendText(chat, chat, "Ada", "how much does delivery cost?");

			FakeTelegram.Call reply = telegram.awaitMessage(chat, text -> text.contains("£"), WAIT);

			assertThat(buttonData(reply)).isNotEmpty().allMatch(data -> data.startsWith("i:"));
		}

		@Test
		void greetsByNameWithSuggestionsOnStart() {
			long chat = newChat();
			telegram.sendText(chat, chat, "Grace", "/start");

			FakeTelegram.Call reply = telegram.awaitMessage(chat, text -> text.contains("Grace"), WAIT);

			assertThat(buttonData(reply)).hasSize(4);
		}

		@Test
		void asksDidYouMeanWithAButtonPerCandidate() {
			long chat = newChat();
			telegram.sendText(chat, chat, "Ada", "parcel");

			FakeTelegram.Call reply = telegram.awaitMessage(chat, text -> text.contains("Did you mean"), WAIT);

			// the candidates, the likelier first, then "Something else" and, as the bot is not sure enough to answer
			// either, a person
			assertThat(buttonData(reply)).hasSize(4).endsWith("else", "human")
				.containsExactlyInAnyOrder("i:track_order", "i:order_late", "else", "human");
		}

		@Test
		void fallsBackAndOffersAPersonForSomethingItCannotAnswer() {
			long chat = newChat();
			telegram.sendText(chat, chat, "Ada", "what is the capital of peru");

			FakeTelegram.Call reply = telegram.awaitMessage(chat, text -> text.contains("not sure"), WAIT);

			assertThat(buttonData(reply)).containsExactly("human");
		}

		@Test
		void answersAButtonPressAndStopsTheSpinner() {
			long chat = newChat();
			long update = telegram.sendCallback(chat, chat, "i:payment_methods", 1);

			telegram.awaitCall("answerCallbackQuery",
					body -> body.path("callback_query_id").asText().equals(telegram.callbackQueryId(update)), WAIT);
			telegram.awaitMessage(chat, text -> text.toLowerCase().contains("pay"), WAIT);
		}
	}

	@Nested
	class TelegramErrors {

		@Test
		void retriesA429AfterExactlyRetryAfterAndDeliversOnce() {
			long chat = newChat();
			telegram.failNextForChat("sendMessage", chat, 1, 429, "Too Many Requests: retry after 2", 2);
			telegram.sendText(chat, chat, "Ada", "how long does delivery take");

			FakeTelegram.Call delivered = telegram.awaitMessage(chat, text -> true, WAIT);
			FakeTelegram.Call refused = telegram.calls("sendMessage")
				.stream()
				.filter(call -> call.failed() && call.body().path("chat_id").asLong() == chat)
				.findFirst()
				.orElseThrow();

			assertThat(Duration.between(refused.at(), delivered.at())).isBetween(Duration.ofMillis(1900),
					Duration.ofMillis(3500));
			assertThat(telegram.sentMessages(chat)).hasSize(1);
		}

		@Test
		void pacesABusyChatInOrderWithoutHoldingUpOthers() {
			long busy = newChat();
			long other = newChat();
			List<Intent> intents = IntentLoader.load(Path.of("intents")).intents().stream()
				.filter(intent -> intent.answers().size() == 1 && !intent.answers().get(0).contains("{"))
				.limit(8)
				.toList();
			intents.forEach(intent -> telegram.sendCallback(busy, busy, "i:" + intent.id(), 1));
			telegram.awaitCalls("sendMessage", 3, WAIT);
			telegram.sendText(other, other, "Bob", "/help");

			FakeTelegram.Call otherReply = telegram.awaitMessage(other, text -> true, WAIT);
			await().atMost(WAIT).until(() -> telegram.sentMessages(busy).size() == 8);

			List<FakeTelegram.Call> busyReplies = telegram.sentMessages(busy);
			assertThat(busyReplies).extracting(FakeTelegram.Call::text)
				.containsExactlyElementsOf(intents.stream().map(intent -> intent.answers().get(0)).toList());
			assertThat(otherReply.at()).isBefore(busyReplies.get(7).at());
			// a burst of 3, then 1 per second: any n replies in a row take at least n - 3 seconds
			for (int i = 0; i < busyReplies.size(); i++) {
				for (int j = i + 3; j < busyReplies.size(); j++) {
					assertThat(Duration.between(busyReplies.get(i).at(), busyReplies.get(j).at()))
						.as("from reply %d to reply %d", i + 1, j + 1)
						.isGreaterThan(Duration.ofMillis((j - i - 2) * 1000L - 100));
				}
			}
		}

		@Test
		void sendsAtOnceWhatWasQueuedBeforeTheClockWasPutBack() {
			long chat = newChat();
			// queued while the server's clock ran two hours fast, just before it was put right
			Instant fast = Instant.now().plus(Duration.ofHours(2));
			jdbc.update("""
					insert into telegram_outbox (chat_id, kind, text, status, attempts, next_attempt_at, created_at)
					values (?, 'SEND_MESSAGE', 'Your parcel is on its way.', 'PENDING', 0, ?, ?)""", chat,
					fast.atOffset(ZoneOffset.UTC), fast.atOffset(ZoneOffset.UTC));
			telegram.sendText(chat, chat, "Ada", "can I pay with paypal");

			telegram.awaitMessage(chat, text -> text.equals("Your parcel is on its way."), WAIT);
			telegram.awaitMessage(chat, text -> !text.equals("Your parcel is on its way."), WAIT);
			assertThat(telegram.sentTexts(chat).get(0)).isEqualTo("Your parcel is on its way.");
		}

		@Test
		void hearsCustomersAgainOnceTelegramNumbersItsUpdatesBelowTheEarlierOnes() {
			long chat = newChat();
			telegram.sendText(chat, chat, "Ada", "can I pay with paypal");
			telegram.awaitMessage(chat, text -> true, WAIT);

			// as after a week without updates (every one confirmed): the next ones may be numbered below those before
			await().atMost(WAIT).until(() -> telegram.pendingUpdateIds().isEmpty());
			telegram.renumberUpdates(7);
			long first = telegram.sendText(chat, chat, "Ada", "how much does delivery cost?");
			telegram.sendText(chat, chat, "Ada", "/help");

			await().atMost(WAIT).until(() -> telegram.sentMessages(chat).size() >= 3);
			telegram.awaitConfirmed(first + 1, WAIT);
			assertThat(first).isEqualTo(7);
			assertThat(telegram.sentTexts(chat)).hasSize(3).element(1).asString().contains("£");
		}

		@Test
		void retriesServerErrorsWithBackoff() {
			long chat = newChat();
			telegram.failNextForChat("sendMessage", chat, 2, 502, "Bad Gateway", null);
			telegram.sendText(chat, chat, "Ada", "can I pay with paypal");

			telegram.awaitMessage(chat, text -> true, WAIT);

			assertThat(attempts(chat)).hasSize(3);
			assertThat(telegram.sentMessages(chat)).hasSize(1);
		}

		@Test
		void stopsSendingToACustomerWhoBlockedTheBot() throws InterruptedException {
			long chat = newChat();
			telegram.blockUser(chat);
			telegram.sendText(chat, chat, "Ada", "/start");

			await().atMost(WAIT).until(() -> conversations.isBlocked("telegram", String.valueOf(chat)));
			Thread.sleep(3_000);

			assertThat(attempts(chat)).singleElement().satisfies(call -> assertThat(call.status()).isEqualTo(403));
		}

		private List<FakeTelegram.Call> attempts(long chat) {
			return telegram.calls("sendMessage").stream().filter(call -> call.body().path("chat_id").asLong() == chat).toList();
		}
	}

	@Nested
	class StrangeInput {

		@Test
		void keepsAnUpdateTheClientLibraryCannotReadAndAnswersTheOthers() {
			long chat = newChat();
			// a kind of object newer than the library (here a chat background of a type it does not know)
			ObjectNode newer = telegram.newMessage(chat, chat, "Ada");
			newer.set("chat_background_set", FakeTelegram.json("{\"type\": {\"type\": \"future_bg\"}}"));
			long unreadable = telegram.sendUpdate("message", newer);
			telegram.sendText(chat, chat, "Ada", "how much does delivery cost?");

			telegram.awaitMessage(chat, text -> text.contains("£"), WAIT);
			telegram.awaitConfirmed(unreadable, WAIT);
			assertThat(jdbc.queryForObject("select payload from telegram_update where update_id = ?", String.class,
					unreadable)).contains("future_bg");
		}

		@Test
		void asksForTextWhenSentPhotosStickersVoiceDocumentsDiceAndPolls() {
			long chat = newChat();
			List<String> kinds = List.of("photo", "sticker", "voice", "document", "dice", "poll");
			for (String kind : kinds) {
				ObjectNode message = telegram.newMessage(chat, chat, "Ada");
				message.set(kind, media(kind));
				telegram.sendUpdate("message", message);
			}

			await().atMost(WAIT).until(() -> telegram.sentTexts(chat).size() == kinds.size());
			assertThat(telegram.sentTexts(chat)).allMatch(text -> text.contains("only read text"));
		}

		@Test
		void callsAGifAnAnimationThoughItComesAsADocumentToo() {
			long chat = newChat();
			ObjectNode gif = telegram.newMessage(chat, chat, "Ada");
			gif.set("animation", FakeTelegram.json("{\"file_id\":\"a1\",\"file_unique_id\":\"u5\",\"width\":200,"
					+ "\"height\":200,\"duration\":2}"));
			gif.set("document", media("document"));
			telegram.sendUpdate("message", gif);

			telegram.awaitMessage(chat, text -> text.contains("only read text"), WAIT);
			assertThat(jdbc.queryForList("""
					select m.text from conversation_message m join conversation c on c.id = m.conversation_id
					join customer u on u.id = c.customer_id where u.external_id = ? and m.author = 'CUSTOMER'""",
					String.class, String.valueOf(chat))).containsExactly("[animation]");
		}

		@Test
		void takesTheLongestTextEmojiAndEmptyishTexts() {
			long chat = newChat();
			telegram.sendText(chat, chat, "Ada", "x".repeat(4096));
			telegram.sendText(chat, chat, "Ada", "📦📦 where's my 📦?? 😡");
			telegram.sendText(chat, chat, "Ada", "   ");

			await().atMost(WAIT).until(() -> telegram.sentTexts(chat).size() == 3);
		}

		@Test
		void ignoresEditsChannelPostsUnknownGroupsAndUnusedUpdates() {
			long chat = newChat();
			ObjectNode edited = telegram.newMessage(chat, chat, "Ada");
			edited.put("text", "how much is delivery");
			edited.put("edit_date", 1_800_000_000);
			long last = telegram.sendUpdate("edited_message", edited);
			telegram.sendUpdateJson("""
					{"channel_post": {"message_id": 1, "date": 1800000000, "text": "news",
					  "chat": {"id": -1001234567890, "type": "channel", "title": "News"}}}""");
			telegram.sendUpdateJson("""
					{"message": {"message_id": 1, "date": 1800000000, "text": "how much is delivery",
					  "from": {"id": 77, "is_bot": false, "first_name": "Bob"},
					  "chat": {"id": -1009876543210, "type": "supergroup", "title": "Some group"}}}""");
			telegram.sendUpdateJson("""
					{"poll": {"id": "1", "question": "?", "options": [], "total_voter_count": 0,
					  "is_closed": false, "is_anonymous": true, "type": "regular", "allows_multiple_answers": false}}""");
			long question = telegram.sendText(chat, chat, "Ada", "how much is delivery");

			telegram.awaitMessage(chat, text -> text.contains("£"), WAIT);
			telegram.awaitConfirmed(Math.max(last, question), WAIT);
			assertThat(telegram.sentTexts(chat)).hasSize(1);
			assertThat(telegram.sentMessages(-1009876543210L)).isEmpty();
		}

		@Test
		void answersForgedAndForeignButtonsPolitelyAndChangesNothing() {
			long chat = newChat();
			List<String> queries = List.of(telegram.sendCallback(chat, chat, "i:no_such_intent", 1),
					telegram.sendCallback(chat, chat, "", 1), telegram.sendCallback(chat, chat + 1, "i:shipping_cost", 1))
				.stream()
				.map(telegram::callbackQueryId)
				.toList();

			for (String query : queries) {
				telegram.awaitCall("answerCallbackQuery", body -> body.path("callback_query_id").asText().equals(query),
						WAIT);
			}
			telegram.assertNoCall("sendMessage", body -> body.path("chat_id").asLong() == chat, Duration.ofSeconds(1));
		}

		@Test
		void marksACustomerWhoBlocksTheBotAndUnblocksThem() {
			long chat = newChat();
			telegram.sendText(chat, chat, "Ada", "hello");
			telegram.awaitMessage(chat, text -> true, WAIT);

			telegram.sendUpdateJson(membership(chat, "kicked"));
			await().atMost(WAIT).until(() -> conversations.isBlocked("telegram", String.valueOf(chat)));

			telegram.sendUpdateJson(membership(chat, "member"));
			await().atMost(WAIT).until(() -> !conversations.isBlocked("telegram", String.valueOf(chat)));
		}

		@Test
		void keepsTheTokenOutOfTheLog(CapturedOutput output) {
			long chat = newChat();
			telegram.failNextForChat("sendMessage", chat, 1, 500, "Internal Server Error", null);
			telegram.sendText(chat, chat, "Ada", "/help");
			telegram.awaitMessage(chat, text -> true, WAIT);

			assertThat(output.getAll()).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(TOKEN.indexOf(':')));
		}

		private JsonNode media(String kind) {
			return switch (kind) {
				case "photo" -> FakeTelegram.json("[{\"file_id\":\"p1\",\"file_unique_id\":\"u1\",\"width\":90,\"height\":90}]");
				case "sticker" -> FakeTelegram.json("{\"file_id\":\"s1\",\"file_unique_id\":\"u2\",\"type\":\"regular\","
						+ "\"width\":512,\"height\":512,\"is_animated\":false,\"is_video\":false}");
				case "voice" -> FakeTelegram.json("{\"file_id\":\"v1\",\"file_unique_id\":\"u3\",\"duration\":3}");
				case "dice" -> FakeTelegram.json("{\"emoji\":\"🎲\",\"value\":4}");
				case "poll" -> FakeTelegram.json("{\"id\":\"2\",\"question\":\"Red or blue?\",\"options\":[{\"text\":\"Red\","
						+ "\"voter_count\":0},{\"text\":\"Blue\",\"voter_count\":0}],\"total_voter_count\":0,"
						+ "\"is_closed\":false,\"is_anonymous\":false,\"type\":\"regular\",\"allows_multiple_answers\":false}");
				default -> FakeTelegram.json("{\"file_id\":\"d1\",\"file_unique_id\":\"u4\",\"file_name\":\"invoice.pdf\"}");
			};
		}

		private String membership(long chat, String status) {
			return Scenes.membership(chat, "Ada", status);
		}
	}
}
