package frontdesk.telegram;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.longpolling.util.TelegramOkHttpClientFactory;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.CopyMessage;
import org.telegram.telegrambots.meta.api.methods.ForwardMessage;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.forum.CreateForumTopic;
import org.telegram.telegrambots.meta.api.methods.forum.DeleteForumTopic;
import org.telegram.telegrambots.meta.api.methods.forum.EditForumTopic;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChat;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.send.SendSticker;
import org.telegram.telegrambots.meta.api.methods.send.SendVoice;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.MessageId;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.ChatFullInfo;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.forum.ForumTopic;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

import frontdesk.telegram.FakeTelegram.Call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Checks the fake Telegram server against the real TelegramBots client and long-polling
 * session, so end-to-end tests can rely on it behaving like Telegram.
 */
class FakeTelegramTest {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private static final long CUSTOMER = 4242L;

	private static final long STAFF_GROUP = -1001234567890L;

	private final ObjectMapper mapper = new ObjectMapper();

	private final List<TelegramBotsLongPollingApplication> applications = new ArrayList<>();

	private final List<ScheduledExecutorService> pollers = new ArrayList<>();

	private FakeTelegram telegram;

	private OkHttpClient okHttp;

	private OkHttpTelegramClient client;

	private HttpClient http;

	@BeforeEach
	void startTelegram() {
		this.telegram = FakeTelegram.start();
		this.okHttp = new OkHttpClient();
		this.client = new OkHttpTelegramClient(this.okHttp, this.telegram.token(), telegramUrl());
		this.http = HttpClient.newHttpClient();
	}

	@AfterEach
	void stopEverything() throws Exception {
		for (TelegramBotsLongPollingApplication application : this.applications) {
			application.close();
		}
		this.pollers.forEach(ScheduledExecutorService::shutdownNow);
		// Closing the server also releases a getUpdates the session may still be waiting on.
		this.telegram.close();
		for (ScheduledExecutorService poller : this.pollers) {
			assertThat(poller.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
		}
		this.okHttp.dispatcher().executorService().shutdown();
		this.okHttp.connectionPool().evictAll();
	}

	// Bot API answers through the real client

	@Test
	void sendMessageReturnsTheSentMessage() throws TelegramApiException {
		Message first = this.client.execute(SendMessage.builder().chatId(CUSTOMER).text("Hello").build());
		Message second = this.client.execute(SendMessage.builder().chatId(CUSTOMER).text("Anything else?").build());

		assertThat(first.getMessageId()).isEqualTo(1);
		assertThat(second.getMessageId()).isEqualTo(2);
		assertThat(first.getChatId()).isEqualTo(CUSTOMER);
		assertThat(first.getChat().isUserChat()).isTrue();
		assertThat(first.getText()).isEqualTo("Hello");
		assertThat(first.getFrom().getIsBot()).isTrue();
		assertThat(first.getFrom().getUserName()).isEqualTo(FakeTelegram.BOT_USERNAME);
		assertThat(first.getDate()).isPositive();
		assertThat(this.telegram.sentTexts(CUSTOMER)).containsExactly("Hello", "Anything else?");
		Call call = this.telegram.awaitCall("sendmessage", (body) -> body.path("text").asText().startsWith("Anything"),
				WAIT);
		assertThat(call.failed()).isFalse();
		assertThat(call.result().path("message_id").asInt()).isEqualTo(2);
		assertThat(this.telegram.awaitMessage(CUSTOMER, "Hello"::equals, WAIT).text()).isEqualTo("Hello");
	}

	@Test
	void messageIdsAreSharedWithTheCustomersMessagesInTheChat() throws TelegramApiException {
		this.telegram.sendText(CUSTOMER, CUSTOMER, "Ann", "Hi");

		Message answer = this.client
			.execute(SendMessage.builder().chatId(CUSTOMER).text("Hi Ann").replyToMessageId(1).build());

		assertThat(answer.getMessageId()).isEqualTo(2);
		assertThat(answer.getChat().getFirstName()).isEqualTo("Ann");
		assertThat(answer.getReplyToMessage().getText()).isEqualTo("Hi");
	}

	@Test
	void answerCallbackQueryIsRecorded() throws TelegramApiException {
		Boolean answered = this.client
			.execute(AnswerCallbackQuery.builder().callbackQueryId("fake-callback-1").text("Done").build());

		assertThat(answered).isTrue();
		Call call = this.telegram.awaitCall("answerCallbackQuery",
				(body) -> "fake-callback-1".equals(body.path("callback_query_id").asText()), WAIT);
		assertThat(call.body().path("text").asText()).isEqualTo("Done");
	}

	@Test
	void scriptedRateLimitSurfacesAsRequestException() throws TelegramApiException {
		this.telegram.failNext("sendMessage", 1, 429, "Too Many Requests: retry after 3", 3);

		assertThatExceptionOfType(TelegramApiRequestException.class)
			.isThrownBy(() -> this.client.execute(SendMessage.builder().chatId(CUSTOMER).text("Hello").build()))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo(429);
				assertThat(ex.getParameters().getRetryAfter()).isEqualTo(3);
				assertThat(ex.getApiResponse()).isEqualTo("Too Many Requests: retry after 3");
			});
		Message retried = this.client.execute(SendMessage.builder().chatId(CUSTOMER).text("Hello").build());

		assertThat(retried.getMessageId()).isEqualTo(1);
		List<Call> attempts = this.telegram.awaitCalls("sendMessage", 2, WAIT);
		assertThat(attempts).extracting(Call::failed).containsExactly(true, false);
		assertThat(attempts).extracting(Call::status).containsExactly(429, 200);
		assertThat(attempts.get(1).at()).isAfterOrEqualTo(attempts.get(0).at());
		assertThat(this.telegram.sentMessages(CUSTOMER)).hasSize(1);
	}

	@Test
	void blockedUserGets403OnEveryAttemptWhileOthersAreServed() throws TelegramApiException {
		this.telegram.failAlwaysForChat("sendMessage", CUSTOMER, 403, "Forbidden: bot was blocked by the user");

		for (int attempt = 0; attempt < 2; attempt++) {
			assertThatExceptionOfType(TelegramApiRequestException.class)
				.isThrownBy(() -> this.client.execute(SendMessage.builder().chatId(CUSTOMER).text("Hello").build()))
				.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(403));
		}
		Message other = this.client.execute(SendMessage.builder().chatId(7L).text("Hello").build());

		assertThat(other.getChatId()).isEqualTo(7L);
		assertThat(this.telegram.sentMessages(CUSTOMER)).isEmpty();
		assertThat(this.telegram.calls("SENDMESSAGE")).filteredOn(Call::failed).hasSize(2);
		this.telegram.clearFailures();
		assertThat(this.client.execute(SendMessage.builder().chatId(CUSTOMER).text("Back").build())).isNotNull();
	}

	@Test
	void blockUserFailsEveryMethodForThatChat() {
		this.telegram.blockUser(CUSTOMER);

		assertThatExceptionOfType(TelegramApiRequestException.class)
			.isThrownBy(() -> this.client.execute(SendPhoto.builder()
				.chatId(CUSTOMER)
				.photo(new InputFile("known-photo"))
				.build()))
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(403));
	}

	@Test
	void failNextForChatOnlyHitsThatChatAndRunsOut() throws TelegramApiException {
		this.telegram.failNextForChat("sendMessage", CUSTOMER, 2, 500, null, null);

		assertThat(this.client.execute(SendMessage.builder().chatId(7L).text("Other").build())).isNotNull();
		for (int attempt = 0; attempt < 2; attempt++) {
			assertThatExceptionOfType(TelegramApiRequestException.class)
				.isThrownBy(() -> this.client.execute(SendMessage.builder().chatId(CUSTOMER).text("Hi").build()))
				.satisfies((ex) -> assertThat(ex.getErrorCode()).isEqualTo(500));
		}
		assertThat(this.client.execute(SendMessage.builder().chatId(CUSTOMER).text("Hi").build())).isNotNull();
	}

	@Test
	void proxyErrorPageIsNotJson() throws TelegramApiException {
		this.telegram.failNextWithBody("sendMessage", 1, 502, "<html><body>502 Bad Gateway</body></html>");

		assertThatThrownBy(() -> this.client.execute(SendMessage.builder().chatId(CUSTOMER).text("Hi").build()))
			.isInstanceOf(TelegramApiException.class);
		assertThat(this.telegram.calls("sendMessage").get(0).status()).isEqualTo(502);
		assertThat(this.client.execute(SendMessage.builder().chatId(CUSTOMER).text("Hi").build())).isNotNull();
	}

	@Test
	void answersOtherMethodsFrontdeskUses() throws TelegramApiException {
		User me = this.client.execute(new GetMe());
		assertThat(me.getId()).isEqualTo(123456L);
		assertThat(me.getUserName()).isEqualTo(FakeTelegram.BOT_USERNAME);

		this.telegram.setChat(STAFF_GROUP, "{type:'supergroup', title:'Staff', is_forum:true}");
		ChatFullInfo staff = this.client.execute(GetChat.builder().chatId(STAFF_GROUP).build());
		assertThat(staff.getTitle()).isEqualTo("Staff");
		assertThat(staff.getIsForum()).isTrue();
		ChatFullInfo customer = this.client.execute(GetChat.builder().chatId(CUSTOMER).build());
		assertThat(customer.isUserChat()).isTrue();

		ForumTopic first = this.client.execute(CreateForumTopic.builder().chatId(STAFF_GROUP).name("Ann #1").build());
		ForumTopic second = this.client.execute(CreateForumTopic.builder().chatId(STAFF_GROUP).name("Bob #2").build());
		assertThat(first.getName()).isEqualTo("Ann #1");
		assertThat(second.getMessageThreadId()).isGreaterThan(first.getMessageThreadId());
		assertThat(this.client.execute(EditForumTopic.builder()
			.chatId(STAFF_GROUP)
			.messageThreadId(first.getMessageThreadId())
			.name("Ann #1 (closed)")
			.build())).isTrue();
		Message inTopic = this.client.execute(SendMessage.builder()
			.chatId(STAFF_GROUP)
			.messageThreadId(first.getMessageThreadId())
			.text("New request")
			.build());
		assertThat(inTopic.getMessageThreadId()).isEqualTo(first.getMessageThreadId());
		assertThat(inTopic.getChat().getTitle()).isEqualTo("Staff");

		this.client.execute(DeleteForumTopic.builder()
			.chatId(STAFF_GROUP)
			.messageThreadId(second.getMessageThreadId())
			.build());
		assertThatExceptionOfType(TelegramApiRequestException.class)
			.isThrownBy(() -> this.client.execute(SendMessage.builder()
				.chatId(STAFF_GROUP)
				.messageThreadId(second.getMessageThreadId())
				.text("Too late")
				.build()))
			.satisfies((ex) -> assertThat(ex.getApiResponse()).isEqualTo("Bad Request: message thread not found"));

		assertThat(this.client.execute(DeleteMessage.builder().chatId(STAFF_GROUP).messageId(1).build())).isTrue();
		assertThat(this.client.execute(SetMyCommands.builder()
			.command(BotCommand.builder().command("start").description("Start").build())
			.build())).isTrue();
	}

	@Test
	void copyAndForwardKeepTheContent() throws TelegramApiException {
		this.telegram.sendText(CUSTOMER, CUSTOMER, "Ann", "My order is late");

		MessageId copy = this.client
			.execute(CopyMessage.builder().chatId(STAFF_GROUP).fromChatId(CUSTOMER).messageId(1).build());
		Message forwarded = this.client
			.execute(ForwardMessage.builder().chatId(STAFF_GROUP).fromChatId(CUSTOMER).messageId(1).build());

		assertThat(copy.getMessageId()).isEqualTo(1);
		assertThat(forwarded.getMessageId()).isEqualTo(2);
		assertThat(forwarded.getText()).isEqualTo("My order is late");
		assertThat(forwarded.getForwardOrigin()).isNotNull();
	}

	@Test
	void editMessageTextReplacesTextAndRejectsNoOpEdits() throws TelegramApiException {
		InlineKeyboardMarkup keyboard = InlineKeyboardMarkup.builder()
			.keyboardRow(new InlineKeyboardRow(InlineKeyboardButton.builder().text("Yes").callbackData("yes").build()))
			.build();
		Message sent = this.client
			.execute(SendMessage.builder().chatId(CUSTOMER).text("Solved?").replyMarkup(keyboard).build());
		assertThat(sent.getReplyMarkup().getKeyboard()).hasSize(1);

		Serializable edited = this.client.execute(EditMessageText.builder()
			.chatId(CUSTOMER)
			.messageId(sent.getMessageId())
			.text("Thanks!")
			.build());

		assertThat(edited).isInstanceOfSatisfying(Message.class, (message) -> {
			assertThat(message.getText()).isEqualTo("Thanks!");
			assertThat(message.getEditDate()).isNotNull();
			assertThat(message.getReplyMarkup()).isNull();
		});
		assertThatExceptionOfType(TelegramApiRequestException.class)
			.isThrownBy(() -> this.client.execute(EditMessageText.builder()
				.chatId(CUSTOMER)
				.messageId(sent.getMessageId())
				.text("Thanks!")
				.build()))
			.satisfies((ex) -> assertThat(ex.getApiResponse()).startsWith("Bad Request: message is not modified"));
	}

	@Test
	void rejectsTooLongMessages() {
		assertThatExceptionOfType(TelegramApiRequestException.class)
			.isThrownBy(() -> this.client
				.execute(SendMessage.builder().chatId(CUSTOMER).text("x".repeat(4097)).build()))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo(400);
				assertThat(ex.getApiResponse()).isEqualTo("Bad Request: message is too long");
			});
	}

	@Test
	void uploadsArriveAsMultipartAndAnswerWithMedia() throws TelegramApiException {
		byte[] receipt = "not really a jpeg".getBytes(StandardCharsets.UTF_8);

		Message photo = this.client.execute(SendPhoto.builder()
			.chatId(CUSTOMER)
			.photo(new InputFile(new ByteArrayInputStream(receipt), "receipt.jpg"))
			.caption("Your receipt")
			.build());
		Message document = this.client
			.execute(SendDocument.builder().chatId(CUSTOMER).document(new InputFile("known-document")).build());
		Message sticker = this.client
			.execute(SendSticker.builder().chatId(CUSTOMER).sticker(new InputFile("known-sticker")).build());
		Message voice = this.client.execute(SendVoice.builder()
			.chatId(CUSTOMER)
			.voice(new InputFile(new ByteArrayInputStream(receipt), "note.ogg"))
			.build());

		assertThat(photo.hasPhoto()).isTrue();
		assertThat(photo.getCaption()).isEqualTo("Your receipt");
		assertThat(document.getDocument().getFileId()).isEqualTo("known-document");
		assertThat(sticker.getSticker().getFileId()).isEqualTo("known-sticker");
		assertThat(voice.getVoice().getFileId()).startsWith("fake-file-");
		JsonNode upload = this.telegram.calls("sendPhoto").get(0).body();
		assertThat(upload.path("chat_id").asLong()).isEqualTo(CUSTOMER);
		assertThat(upload.path("caption").asText()).isEqualTo("Your receipt");
		assertThat(upload.path("photo").path("file_name").asText()).isEqualTo("receipt.jpg");
		assertThat(upload.path("photo").path("size").asInt()).isEqualTo(receipt.length);
	}

	@Test
	void stubReplacesTheBuiltInAnswerUntilRemoved() throws TelegramApiException {
		this.telegram.stub("getMe",
				(body) -> FakeTelegram.json("{id: 99, is_bot: true, first_name: 'Other', username: 'other_bot'}"));
		assertThat(this.client.execute(new GetMe()).getUserName()).isEqualTo("other_bot");

		this.telegram.stub("getMe", null);
		assertThat(this.client.execute(new GetMe()).getUserName()).isEqualTo(FakeTelegram.BOT_USERNAME);
	}

	@Test
	void failedWaitsListWhatWasReceived() throws TelegramApiException {
		this.client.execute(SendMessage.builder().chatId(CUSTOMER).text("Hello").build());

		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.telegram.awaitMessage(CUSTOMER, "Bye"::equals, Duration.ofMillis(200)))
			.withMessageContaining("\"text\":\"Hello\"");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.telegram.awaitCalls("sendMessage", 2, Duration.ofMillis(200)))
			.withMessageContaining("found 1");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.telegram.assertNoCall("sendMessage", (body) -> true, Duration.ofMillis(100)));
		this.telegram.assertNoCall("deleteMessage", (body) -> true, Duration.ofMillis(100));
	}

	@Test
	void servesManyConcurrentCallsWhileAPollIsHeld() throws Exception {
		CompletableFuture<HttpResponse<String>> held = postAsync("getUpdates", "{\"timeout\":10}");
		OkHttpClient parallel = new TelegramOkHttpClientFactory.DefaultOkHttpClientCreator().get();
		try {
			OkHttpTelegramClient parallelClient = new OkHttpTelegramClient(parallel, this.telegram.token(),
					telegramUrl());
			List<CompletableFuture<Message>> sent = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				SendMessage message = SendMessage.builder().chatId(1000L + i % 4).text("m" + i).build();
				sent.add(parallelClient.executeAsync(message));
			}
			CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);

			for (long chat = 1000; chat < 1004; chat++) {
				long chatId = chat;
				assertThat(sent).map(CompletableFuture::join)
					.filteredOn((message) -> message.getChatId() == chatId)
					.extracting(Message::getMessageId)
					.doesNotHaveDuplicates()
					.hasSize(50)
					.allSatisfy((id) -> assertThat(id).isBetween(1, 50));
			}
			assertThat(this.telegram.calls("sendMessage")).hasSize(200);
			assertThat(held).isNotDone();
			this.telegram.sendText(CUSTOMER, "done");
			assertThat(held.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		}
		finally {
			parallel.dispatcher().executorService().shutdown();
			parallel.connectionPool().evictAll();
		}
	}

	// Raw HTTP behaviour

	@Test
	void methodNamesAreCaseInsensitiveAndFormBodiesAreParsed() throws Exception {
		HttpResponse<String> response = post("SENDMESSAGE", "application/x-www-form-urlencoded",
				"chat_id=5&text=Hi+there&reply_markup=%7B%22inline_keyboard%22%3A%5B%5D%7D");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode answer = this.mapper.readTree(response.body());
		assertThat(answer.path("ok").asBoolean()).isTrue();
		assertThat(answer.at("/result/text").asText()).isEqualTo("Hi there");
		assertThat(answer.at("/result/chat/id").asLong()).isEqualTo(5);
		Call call = this.telegram.sentMessages(5).get(0);
		assertThat(call.method()).isEqualTo("SENDMESSAGE");
		assertThat(call.body().path("reply_markup").path("inline_keyboard").isArray()).isTrue();
		assertThat(post("someFutureMethod", "application/json", "{}").body())
			.isEqualTo("{\"ok\":true,\"result\":true}");
		assertThat(this.telegram.calls("somefuturemethod")).hasSize(1);
	}

	@Test
	void wrongTokenAndWrongPathsAreRefused() throws Exception {
		HttpResponse<String> wrongToken = this.http.send(HttpRequest
			.newBuilder(URI.create(this.telegram.url() + "/bot1:WRONG/getMe"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> wrongPath = this.http.send(
				HttpRequest.newBuilder(URI.create(this.telegram.url() + "/getMe"))
					.POST(HttpRequest.BodyPublishers.noBody())
					.build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(wrongToken.statusCode()).isEqualTo(401);
		assertThat(this.mapper.readTree(wrongToken.body()).path("description").asText()).isEqualTo("Unauthorized");
		assertThat(wrongPath.statusCode()).isEqualTo(404);
	}

	@Test
	void getUpdatesHoldsUntilTimeoutWhenNothingIsQueued() throws Exception {
		long started = System.nanoTime();
		HttpResponse<String> response = post("getUpdates", "application/json", "{\"timeout\":1}");
		long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

		assertThat(this.mapper.readTree(response.body()).path("result")).isEmpty();
		assertThat(elapsedMillis).isBetween(900L, 3000L);
	}

	@Test
	void heldGetUpdatesAnswersAsSoonAsAnUpdateIsQueued() throws Exception {
		CompletableFuture<HttpResponse<String>> held = postAsync("getupdates", "{\"timeout\":20}");
		Thread.sleep(200);
		long started = System.nanoTime();
		long updateId = this.telegram.sendText(CUSTOMER, "hello");

		JsonNode result = this.mapper.readTree(held.get(5, TimeUnit.SECONDS).body()).path("result");

		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2000);
		assertThat(result).hasSize(1);
		assertThat(result.get(0).path("update_id").asLong()).isEqualTo(updateId);
		assertThat(this.telegram.pendingUpdateIds()).containsExactly(updateId);

		String confirm = "{\"offset\":" + (updateId + 1) + ",\"timeout\":0}";
		JsonNode afterConfirm = this.mapper.readTree(post("getUpdates", "application/json", confirm).body());
		assertThat(afterConfirm.path("result")).isEmpty();
		assertThat(this.telegram.pendingUpdateIds()).isEmpty();
	}

	@Test
	void newerGetUpdatesEndsTheWaitingOneWithConflict() throws Exception {
		CompletableFuture<HttpResponse<String>> older = postAsync("getUpdates", "{\"timeout\":20}");
		Thread.sleep(200);

		HttpResponse<String> newer = post("getUpdates", "application/json", "{\"timeout\":0}");

		assertThat(newer.statusCode()).isEqualTo(200);
		HttpResponse<String> ended = older.get(5, TimeUnit.SECONDS);
		assertThat(ended.statusCode()).isEqualTo(409);
		assertThat(this.mapper.readTree(ended.body()).path("description").asText()).startsWith("Conflict");
	}

	@Test
	void optInUpdateTypesAreOnlyDeliveredWhenAskedFor() throws Exception {
		long memberUpdate = this.telegram
			.sendUpdateJson("{chat_member: {chat: {id: -100, type: 'group', title: 'G'}}}");
		long textUpdate = this.telegram.sendText(CUSTOMER, "hi");

		JsonNode result = this.mapper.readTree(post("getUpdates", "application/json", "{\"timeout\":0}").body())
			.path("result");

		assertThat(result).hasSize(1);
		assertThat(result.get(0).path("update_id").asLong()).isEqualTo(textUpdate);
		assertThat(this.telegram.discardedUpdateIds()).containsExactly(memberUpdate);
	}

	@Test
	void closeAnswersWaitingPollsAndStopsItsThreads() throws Exception {
		CompletableFuture<HttpResponse<String>> held = postAsync("getUpdates", "{\"timeout\":30}");
		Thread.sleep(200);
		long started = System.nanoTime();

		this.telegram.close();

		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(3000);
		assertThat(held).succeedsWithin(Duration.ofSeconds(5));
		assertThat(Thread.getAllStackTraces().keySet())
			.noneMatch((thread) -> thread.isAlive() && thread.getName().startsWith(this.telegram.threadNamePrefix()));
	}

	// Long polling with the real BotSession

	@Test
	void longPollingSessionReceivesQueuedUpdates() throws Exception {
		BlockingQueue<Update> received = new LinkedBlockingQueue<>();
		startSession(confirmingPolls(), received::addAll);

		long hello = this.telegram.sendText(CUSTOMER, CUSTOMER, "Ann", "/start");
		this.telegram.sendText(CUSTOMER, CUSTOMER, "Ann", "Where is my order?");
		long press = this.telegram.sendCallback(CUSTOMER, CUSTOMER, "rate:5", 7);
		long photoUpdate = this.telegram.sendUpdateJson("""
				{"message": {"message_id": 9, "date": 1700000000,
				  "from": {"id": 4242, "is_bot": false, "first_name": "Ann"},
				  "chat": {"id": 4242, "type": "private", "first_name": "Ann"},
				  "photo": [{"file_id": "p-small", "file_unique_id": "u1", "width": 90, "height": 90},
				            {"file_id": "p-large", "file_unique_id": "u2", "width": 1280, "height": 960}],
				  "caption": "broken item"}}
				""");

		Update start = next(received);
		assertThat(start.getUpdateId()).isEqualTo((int) hello);
		assertThat(start.getMessage().getText()).isEqualTo("/start");
		assertThat(start.getMessage().getFrom().getFirstName()).isEqualTo("Ann");
		assertThat(start.getMessage().getEntities()).hasSize(1);
		assertThat(start.getMessage().isCommand()).isTrue();
		Update question = next(received);
		assertThat(question.getMessage().getText()).isEqualTo("Where is my order?");
		assertThat(question.getMessage().getMessageId()).isEqualTo(start.getMessage().getMessageId() + 1);
		Update callback = next(received);
		assertThat(callback.getUpdateId()).isEqualTo((int) press);
		assertThat(callback.getCallbackQuery().getData()).isEqualTo("rate:5");
		assertThat(callback.getCallbackQuery().getId()).isEqualTo(this.telegram.callbackQueryId(press));
		assertThat(callback.getCallbackQuery().getFrom().getId()).isEqualTo(CUSTOMER);
		assertThat(callback.getCallbackQuery().getMessage().getMessageId()).isEqualTo(7);
		assertThat(callback.getCallbackQuery().getMessage().getChatId()).isEqualTo(CUSTOMER);
		Update photo = next(received);
		assertThat(photo.getMessage().hasPhoto()).isTrue();
		assertThat(photo.getMessage().getPhoto()).last()
			.satisfies((size) -> assertThat(size.getFileId()).isEqualTo("p-large"));
		assertThat(photo.getMessage().getCaption()).isEqualTo("broken item");

		this.telegram.awaitConfirmed(photoUpdate, WAIT);
		assertThat(this.telegram.pendingUpdateIds()).isEmpty();
		assertThat(this.telegram.calls("deleteWebhook")).hasSize(1);
	}

	@Test
	void callbackCarriesTheMessageTheBotSent() throws Exception {
		InlineKeyboardMarkup keyboard = InlineKeyboardMarkup.builder()
			.keyboardRow(new InlineKeyboardRow(InlineKeyboardButton.builder().text("Yes").callbackData("yes").build()))
			.build();
		Message question = this.client
			.execute(SendMessage.builder().chatId(CUSTOMER).text("Solved?").replyMarkup(keyboard).build());
		BlockingQueue<Update> received = new LinkedBlockingQueue<>();
		startSession(confirmingPolls(), received::addAll);

		this.telegram.sendCallback(CUSTOMER, CUSTOMER, "yes", question.getMessageId());

		Message carried = (Message) next(received).getCallbackQuery().getMessage();
		assertThat(carried.getText()).isEqualTo("Solved?");
		assertThat(carried.getReplyMarkup().getKeyboard().get(0).get(0).getCallbackData()).isEqualTo("yes");
	}

	@Test
	void unconfirmedUpdateIsDeliveredAgainToTheNextSession() throws Exception {
		BlockingQueue<Update> firstSession = new LinkedBlockingQueue<>();
		CountDownLatch crash = new CountDownLatch(1);
		startSession(confirmingPolls(), (updates) -> {
			firstSession.addAll(updates);
			try {
				// Stays busy with the update until the process "crashes", so it never confirms.
				crash.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		long updateId = this.telegram.sendText(CUSTOMER, CUSTOMER, "Ann", "Refund please");
		assertThat(next(firstSession).getUpdateId()).isEqualTo((int) updateId);
		crashSessions();
		assertThat(this.telegram.pendingUpdateIds()).containsExactly(updateId);

		BlockingQueue<Update> secondSession = new LinkedBlockingQueue<>();
		startSession(confirmingPolls(), secondSession::addAll);

		Update again = next(secondSession);
		assertThat(again.getUpdateId()).isEqualTo((int) updateId);
		assertThat(again.getMessage().getText()).isEqualTo("Refund please");
		this.telegram.awaitConfirmed(updateId, WAIT);
		crashSessions();

		this.telegram.resend(updateId);
		BlockingQueue<Update> thirdSession = new LinkedBlockingQueue<>();
		startSession(confirmingPolls(), thirdSession::addAll);

		assertThat(next(thirdSession).getUpdateId()).isEqualTo((int) updateId);
		this.telegram.awaitConfirmed(updateId, WAIT);
	}

	private void startSession(Function<Integer, GetUpdates> getUpdates, LongPollingUpdateConsumer consumer)
			throws TelegramApiException {
		ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
		this.pollers.add(poller);
		TelegramBotsLongPollingApplication application = new TelegramBotsLongPollingApplication(ObjectMapper::new,
				new TelegramOkHttpClientFactory.DefaultOkHttpClientCreator(), () -> poller);
		this.applications.add(application);
		application.registerBot(this.telegram.token(), this::telegramUrl, getUpdates, consumer);
	}

	/**
	 * Stops the running sessions the hard way: the application is closed and its polling
	 * thread interrupted, like a process that dies.
	 */
	private void crashSessions() throws Exception {
		for (TelegramBotsLongPollingApplication application : this.applications) {
			application.close();
		}
		this.applications.clear();
		for (ScheduledExecutorService poller : this.pollers) {
			poller.shutdownNow();
			assertThat(poller.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
		}
		this.pollers.clear();
	}

	private static Function<Integer, GetUpdates> confirmingPolls() {
		return (offset) -> GetUpdates.builder().offset(offset + 1).timeout(1).build();
	}

	private static Update next(BlockingQueue<Update> received) throws InterruptedException {
		Update update = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		assertThat(update).as("update received within " + WAIT).isNotNull();
		return update;
	}

	private TelegramUrl telegramUrl() {
		return new TelegramUrl("http", this.telegram.host(), this.telegram.port(), false);
	}

	private HttpResponse<String> post(String method, String contentType, String body) throws Exception {
		return this.http.send(request(method, contentType, body), HttpResponse.BodyHandlers.ofString());
	}

	private CompletableFuture<HttpResponse<String>> postAsync(String method, String json) {
		return this.http.sendAsync(request(method, "application/json", json), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest request(String method, String contentType, String body) {
		return HttpRequest.newBuilder(URI.create(this.telegram.url() + "/bot" + this.telegram.token() + "/" + method))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

}
