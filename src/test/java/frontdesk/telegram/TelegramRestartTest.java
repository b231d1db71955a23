package frontdesk.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import frontdesk.Application;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping and starting the bot on the same database loses nothing and doubles nothing.
 */
class TelegramRestartTest {

	static final Duration WAIT = Duration.ofSeconds(15);

	private final FakeTelegram telegram = FakeTelegram.start();

	private final String dataDir = "./target/test-data/restart-" + UUID.randomUUID();

	private ConfigurableApplicationContext bot;

	static final long GROUP = -1001122334455L;

	private ConfigurableApplicationContext start() {
		telegram.setChat(GROUP, "{\"id\": " + GROUP + ", \"type\": \"supergroup\", \"title\": \"Support\", \"is_forum\": true}");
		List<String> args = new ArrayList<>(telegram.arguments());
		// any free port: the web server is not what this test is about, and 8080 may be taken on the machine
		args.addAll(List.of("--frontdesk.telegram.staff-chat-id=" + GROUP, "--frontdesk.data-dir=" + dataDir,
				"--server.port=0"));
		bot = new SpringApplicationBuilder(Application.class).run(args.toArray(String[]::new));
		return bot;
	}

	@AfterEach
	void stop() {
		if (bot != null) {
			bot.close();
		}
		telegram.close();
	}

	@Test
	void answersAnUpdateDeliveredAgainAfterARestartOnlyOnce() {
		long chat = 6_000_000_001L;
		start();
		long update = telegram.sendText(chat, chat, "Ada", "how much is delivery");
		telegram.awaitMessage(chat, text -> text.contains("£"), WAIT);
		bot.close();

		telegram.resend(update);
		start();
		telegram.awaitConfirmed(update, WAIT);
		telegram.sendText(chat, chat, "Ada", "/help");
		telegram.awaitMessage(chat, text -> text.contains("/human"), WAIT);

		assertThat(telegram.sentTexts(chat)).hasSize(2);
	}

	@Test
	void keepsRelayingBetweenCustomerAndStaffAfterARestart() {
		long chat = 6_000_000_003L;
		start();
		telegram.sendText(chat, chat, "Ada", "/human");
		telegram.awaitMessage(chat, text -> text.contains("#T-"), WAIT);
		FakeTelegram.Call card = telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("text").asText().startsWith("#T-"), WAIT);
		int topic = card.body().path("message_thread_id").asInt();
		long orderNumber = telegram.sendText(chat, chat, "Ada", "order 31337");
		int copy = telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& Scenes.hasLine(body, "Ada: order 31337"), WAIT).result().path("message_id").asInt();
		bot.close();

		start();
		var message = telegram.newTopicMessage(GROUP, topic, 501, "Grace");
		message.put("text", "Hello Ada, I'm here");
		message.set("reply_to_message", Scenes.groupMessage(GROUP, copy));
		telegram.sendUpdate("message", message);
		FakeTelegram.Call reply = telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == chat
				&& body.path("text").asText().equals("Grace: Hello Ada, I'm here"), WAIT);
		assertThat(reply.body().path("reply_to_message_id").asInt())
			.as("the reply is threaded on the customer's message, paired before the restart")
			.isEqualTo(telegram.update(orderNumber).path("message").path("message_id").asInt());
		telegram.sendText(chat, chat, "Ada", "thanks!");

		telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("message_thread_id").asInt() == topic
				&& body.path("text").asText().contains("Ada: thanks!"), WAIT);
		assertThat(telegram.calls("createForumTopic")).hasSize(1);
	}

	@Test
	void sendsAfterARestartWhatWasNotSentBefore() {
		long chat = 6_000_000_002L;
		telegram.failAlwaysForChat("sendMessage", chat, 502, "Bad Gateway");
		start();
		telegram.sendText(chat, chat, "Ada", "how much is delivery");
		telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == chat, WAIT);
		bot.close();

		telegram.clearFailures();
		start();

		telegram.awaitMessage(chat, text -> text.contains("£"), WAIT);
		assertThat(telegram.sentTexts(chat)).hasSize(1);
	}
}
