package frontdesk.telegram;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import org.springframework.context.SmartLifecycle;

/**
 * Webhook mode: tells Telegram where to post updates, with a secret it sends back in a header of every post, and hands
 * the posts that carry it to the {@link UpdateConsumer}. Telegram is asked to post one update at a time, so a
 * customer's messages arrive in order, as with long polling. Stopping leaves the webhook in place: Telegram keeps the
 * updates of the time between and posts them after the restart.
 * <p>
 * Every minute it asks Telegram how the posts go, since a webhook Telegram cannot reach (a wrong address, a proxy or
 * certificate problem) fails in silence otherwise: each new error is logged with the updates waiting, and a webhook
 * removed or changed by another program using the bot's token is set again.
 */
class TelegramWebhook implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TelegramWebhook.class);

	private static final Duration CHECK_EVERY = Duration.ofMinutes(1);

	/** How long a post waits for an unreachable database, well within the time Telegram and proxies wait for it. */
	private static final Duration PATIENCE = Duration.ofSeconds(25);

	private final TelegramSettings settings;

	private final UpdateHandler handler;

	private final byte[] secret;

	private volatile UpdateConsumer consumer;

	private ScheduledExecutorService scheduler;

	private OkHttpTelegramClient client;

	private volatile boolean set;

	/** When the webhook was last set, or the time of Telegram's last error logged, in epoch seconds. */
	private volatile long reportedUntil;

	TelegramWebhook(TelegramSettings settings, UpdateHandler handler) {
		this.settings = settings;
		this.handler = handler;
		String configured = settings.webhook().secret();
		this.secret = (configured != null ? configured : secretOf(settings.token())).getBytes(StandardCharsets.US_ASCII);
	}

	/** Starts after the web server, so Telegram's first post finds it. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

	@Override
	public synchronized void start() {
		if (!settings.webhookMode()) {
			return;
		}
		consumer = new UpdateConsumer(handler);
		scheduler = Executors.newSingleThreadScheduledExecutor(TelegramConfiguration.daemonThreads("telegram-webhook"));
		client = TelegramConfiguration.client(settings);
		scheduler.execute(this::register);
		scheduler.scheduleWithFixedDelay(this::checkDeliveries, CHECK_EVERY.toSeconds(), CHECK_EVERY.toSeconds(),
				TimeUnit.SECONDS);
	}

	/** Sets the webhook; while Telegram cannot be reached or refuses it, the next check tries again. */
	private void register() {
		SetWebhook webhook = SetWebhook.builder()
			.url(settings.webhook().url().toString())
			.secretToken(new String(secret, StandardCharsets.US_ASCII))
			.allowedUpdates(TelegramPolling.UPDATES)
			.maxConnections(1)
			.dropPendingUpdates(false)
			.certificate(certificate())
			.build();
		try {
			reportedUntil = Instant.now().getEpochSecond();
			client.execute(webhook);
			set = true;
			log.info("Telegram is on: it posts updates to {}", settings.webhook().url());
		}
		catch (TelegramApiException | RuntimeException ex) {
			if (!scheduler.isShutdown()) {
				log.error("Could not set the webhook {} at {}: {}. Trying again in {} s.", settings.webhook().url(),
						settings.apiUrl(), ex.getMessage(), CHECK_EVERY.toSeconds());
			}
		}
	}

	private InputFile certificate() {
		Path file = settings.webhook().certificate();
		return file == null ? null : new InputFile(file.toFile(), file.getFileName().toString());
	}

	/**
	 * Sets the webhook if that failed before or it was changed since, and logs Telegram's new errors in posting to it.
	 */
	void checkDeliveries() {
		if (!set) {
			register();
			return;
		}
		WebhookInfo info;
		try {
			info = client.execute(new GetWebhookInfo());
		}
		catch (TelegramApiException | RuntimeException ex) {
			// Telegram out of reach is the outbox's to report
			return;
		}
		String url = settings.webhook().url().toString();
		if (!url.equals(info.getUrl())) {
			log.warn("Telegram's webhook is no longer {} ({}): another program using this bot's token changed or "
					+ "removed it, as long polling does. Setting it again.", url,
					info.getUrl() == null || info.getUrl().isEmpty() ? "none is set" : "it is " + info.getUrl());
			register();
		}
		else if (info.getLastErrorDate() != null && info.getLastErrorDate() > reportedUntil) {
			reportedUntil = info.getLastErrorDate();
			log.warn("Telegram could not post updates to {}: {} ({} waiting). Check that this address reaches {} "
					+ "of Frontdesk's web server.", url, info.getLastErrorMessage(), info.getPendingUpdatesCount(),
					TelegramWebhookController.PATH);
		}
	}

	boolean enabled() {
		return settings.webhookMode();
	}

	/** Whether a post carries the secret. */
	boolean admits(String header) {
		return header != null && MessageDigest.isEqual(secret, header.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Handles a posted update and returns once it is stored.
	 * @return {@code false} when stopping, or the database still unreachable after {@link #PATIENCE}, so Telegram
	 * posts it again later
	 */
	boolean deliver(Update update) {
		UpdateConsumer current = consumer;
		return current != null && current.deliver(update, PATIENCE);
	}

	/** Records a posted update that cannot be read, so it is kept and Telegram goes on to the next one. */
	void keepUnreadable(long updateId, String payload, String error) {
		handler.fail(updateId, payload, error);
	}

	@Override
	public synchronized void stop() {
		if (consumer == null) {
			return;
		}
		scheduler.shutdownNow();
		consumer.stop();
		consumer = null;
	}

	@Override
	public boolean isRunning() {
		return consumer != null;
	}

	/**
	 * The secret when none is set: worked out from the bot token, so it stays the same across restarts (Telegram's
	 * posts of the time before the webhook is set again carry it too), and only who has the token can know it.
	 */
	static String secretOf(String token) {
		if (token == null || token.isBlank()) {
			return "unused";
		}
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal("frontdesk telegram webhook".getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", ex);
		}
	}
}
