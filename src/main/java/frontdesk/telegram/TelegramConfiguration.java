package frontdesk.telegram;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

import frontdesk.conversation.ConversationService;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the Telegram channel by hand: one HTTP client for sending, one for receiving (long polling or setting the
 * webhook), all without OkHttp's silent retries (the outbox owns retries and decides what is sent again).
 */
@Configuration(proxyBeanMethods = false)
class TelegramConfiguration {

	/** Telegram's JSON, read leniently: fields newer than the client library are skipped. */
	static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
			false);

	@Bean
	@ConditionalOnMissingBean
	BotApi botApi(TelegramSettings settings) {
		return client(settings)::execute;
	}

	@Bean
	OutboxSender outboxSender(OutboxRepository outbox, MessagePairs pairs, BotApi api, ConversationService conversations,
			DeletedTopics deletedTopics, TelegramSettings settings, Clock clock,
			PlatformTransactionManager transactionManager) {
		return new OutboxSender(outbox, pairs, api, conversations, deletedTopics, settings.outbox(), clock,
				transactionManager) {
			@Override
			public boolean isAutoStartup() {
				return settings.enabled();
			}
		};
	}

	@Bean
	TelegramPolling telegramPolling(TelegramSettings settings, UpdateHandler handler) {
		return new TelegramPolling(settings, handler);
	}

	@Bean
	TelegramWebhook telegramWebhook(TelegramSettings settings, UpdateHandler handler) {
		return new TelegramWebhook(settings, handler);
	}

	/** Telegram's client for calls that are answered at once: sending, setting the webhook. */
	static OkHttpTelegramClient client(TelegramSettings settings) {
		return new OkHttpTelegramClient(http(Duration.ofSeconds(30)), settings.enabled() ? settings.token() : "disabled",
				telegramUrl(settings.apiUrl()));
	}

	/** A client for the Bot API without OkHttp's silent retries, so that the caller alone decides what is sent again. */
	static OkHttpClient http(Duration readTimeout) {
		return new OkHttpClient.Builder().retryOnConnectionFailure(false)
			.connectTimeout(Duration.ofSeconds(10))
			.readTimeout(readTimeout)
			.build();
	}

	/** Threads of the given name that do not keep the process alive. */
	static ThreadFactory daemonThreads(String name) {
		return runnable -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		};
	}

	static TelegramUrl telegramUrl(URI uri) {
		boolean https = "https".equalsIgnoreCase(uri.getScheme());
		int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
		return new TelegramUrl(https ? "https" : "http", uri.getHost(), port, false);
	}
}
