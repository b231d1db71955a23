package frontdesk.telegram;

import java.net.URI;
import java.time.Duration;

import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The start-up check of the staff group, against the fake Bot API server.
 */
class StaffGroupCheckTest {

	static final long GROUP = -1002003004005L;

	private final FakeTelegram telegram = FakeTelegram.start();

	@AfterEach
	void stop() {
		telegram.close();
	}

	private StaffGroupCheck check(Long staffChatId) {
		TelegramSettings settings = new TelegramSettings(telegram.token(), URI.create(telegram.url()),
				Duration.ofSeconds(1), staffChatId, new TelegramSettings.OutboxSettings(30, 1, 3, 20, 4,
						Duration.ofMinutes(5), Duration.ofDays(1)),
				new TelegramSettings.WebhookSettings(null, null, null));
		OkHttpTelegramClient client = new OkHttpTelegramClient(new OkHttpClient(), telegram.token(),
				TelegramConfiguration.telegramUrl(settings.apiUrl()));
		return new StaffGroupCheck(settings, client::execute);
	}

	private void group(boolean forum) {
		telegram.setChat(GROUP, """
				{"id": %d, "type": "supergroup", "title": "Northwind support", "is_forum": %s}""".formatted(GROUP, forum));
	}

	@Test
	void acceptsASupergroupWithTopicsWhereTheBotManagesTopics() {
		group(true);

		assertThat(check(GROUP).check().problems()).isEmpty();
	}

	@Test
	void givesTheStaffGroupAMenuOfFrontdesksCommands() {
		check(GROUP).offerCommands();

		FakeTelegram.Call menu = telegram.awaitCall("setMyCommands", body -> true, Duration.ofSeconds(5));
		assertThat(menu.body().path("scope").path("type").asText()).isEqualTo("chat");
		assertThat(menu.body().path("scope").path("chat_id").asLong()).isEqualTo(GROUP);
		assertThat(menu.body().path("commands").findValuesAsText("command"))
			.containsExactly("take", "answer", "close", "queue", "stats");
	}

	@Test
	void aMenuTelegramRefusesIsOnlyLogged() {
		telegram.failNext("setMyCommands", 1, 400, "Bad Request: BOT_COMMAND_INVALID");

		assertThatCode(() -> check(GROUP).offerCommands()).doesNotThrowAnyException();
		assertThat(telegram.calls("setMyCommands")).singleElement().extracting(FakeTelegram.Call::status).isEqualTo(400);
	}

	@Test
	void tellsAPublicGroupFromAPrivateOne() {
		group(true);
		assertThat(check(GROUP).check().publicName()).isNull();

		telegram.setChat(GROUP, """
				{"id": %d, "type": "supergroup", "title": "Northwind support", "is_forum": true,
				 "username": "northwind_support"}""".formatted(GROUP));

		assertThat(check(GROUP).check()).satisfies(findings -> {
			assertThat(findings.problems()).isEmpty();
			assertThat(findings.publicName()).isEqualTo("northwind_support");
		});
	}

	@Test
	void saysWhenTopicsAreOff() {
		group(false);

		assertThat(check(GROUP).check().problems()).singleElement().asString().contains("topics are off");
	}

	@Test
	void saysWhenTheBotIsNotAnAdmin() {
		group(true);
		telegram.stub("getChatMember", body -> FakeTelegram.json("""
				{"status": "member", "user": {"id": %d, "is_bot": true, "first_name": "Frontdesk"}}"""
			.formatted(body.path("user_id").asLong())));

		assertThat(check(GROUP).check().problems()).singleElement().asString().contains("not an admin");
	}

	@Test
	void saysWhenTheGroupCannotBeReached() {
		telegram.failNext("getChat", 1, 400, "Bad Request: chat not found");

		assertThat(check(GROUP).check().problems()).singleElement().asString().contains("chat not found");
	}
}
