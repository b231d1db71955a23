package frontdesk.telegram;

import java.time.Duration;
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

	private ConfigurableApplicationContext start() {
		bot = new SpringApplicationBuilder(Application.class).run(
				"--frontdesk.telegram.token=" + telegram.token(),
				"--frontdesk.telegram.api-url=" + telegram.url(),
				"--frontdesk.telegram.poll-timeout=1s",
				"--frontdesk.data-dir=" + dataDir);
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
