package frontdesk.telegram;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import org.springframework.context.SmartLifecycle;

/**
 * Long polling: asks Telegram for updates and hands them to the {@link UpdateConsumer}. Without a token the bot stays
 * off Telegram and says so; in webhook mode the {@link TelegramWebhook} receives them instead. Starting long polling
 * removes a webhook set before, as Telegram allows only one of the two.
 */
class TelegramPolling implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TelegramPolling.class);

	private static final Duration REGISTER_RETRY = Duration.ofSeconds(30);

	/** The updates the bot uses; Telegram sends no others. */
	static final List<String> UPDATES = List.of("message", "edited_message", "callback_query", "my_chat_member");

	private final TelegramSettings settings;

	private final UpdateHandler handler;

	private UpdateConsumer consumer;

	private TelegramBotsLongPollingApplication application;

	private ScheduledExecutorService polling;

	/** Set while the polling is to start over; it starts over once however many answers asked for it. */
	private final AtomicBoolean startingOver = new AtomicBoolean();

	TelegramPolling(TelegramSettings settings, UpdateHandler handler) {
		this.settings = settings;
		this.handler = handler;
	}

	/** Stops before the outbox sender, so replies to the last updates are queued while it still sends. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

	@Override
	public synchronized void start() {
		if (!settings.enabled()) {
			log.warn("Telegram is off: no bot token is set. To answer customers on Telegram, create a bot with "
					+ "@BotFather and start Frontdesk with TELEGRAM_BOT_TOKEN set to its token "
					+ "(or the setting frontdesk.telegram.token).");
			return;
		}
		if (settings.webhookMode()) {
			return;
		}
		Duration timeout = settings.pollTimeout();
		OkHttpClient http = TelegramConfiguration.http(timeout.plusSeconds(15));
		TelegramUrl url = TelegramConfiguration.telegramUrl(settings.apiUrl());
		consumer = new UpdateConsumer(handler);
		polling = Executors.newSingleThreadScheduledExecutor(TelegramConfiguration.daemonThreads("telegram-polling"));
		application = new TelegramBotsLongPollingApplication(
				() -> TelegramConfiguration.JSON, () -> http,
				() -> polling);
		register(url, timeout);
	}

	/** Starts polling; while Telegram cannot be reached, tries again every little while. */
	private synchronized void register(TelegramUrl url, Duration timeout) {
		if (application == null) {
			return;
		}
		try {
			application.registerBot(settings.token(), () -> url,
					lastReceived -> new ReadableUpdates(lastReceived + 1, 100, (int) timeout.toSeconds(), UPDATES, handler,
							() -> startOver(url, timeout)),
					consumer);
			log.info("Telegram is on: long polling {}", settings.apiUrl());
		}
		catch (TelegramApiException ex) {
			log.error("Could not start long polling at {}: {}. Trying again in {} s.", settings.apiUrl(), ex.getMessage(),
					REGISTER_RETRY.toSeconds());
			try {
				application.unregisterBot(settings.token());
			}
			catch (TelegramApiException notRegistered) {
				// nothing to undo
			}
			polling.schedule(() -> register(url, timeout), REGISTER_RETRY.toSeconds(), TimeUnit.SECONDS);
		}
	}

	/**
	 * Telegram numbered its updates afresh, below the last one received (it does after a week without any): the client
	 * library would skip each of them, so the polling starts over, as after a restart, from Telegram's earliest
	 * unconfirmed update. Runs on a thread of its own: the polling thread's next poll is always due (it keeps getting
	 * updates at once), so work queued there would never come; the new session's first poll waits for the poll at
	 * hand.
	 */
	private void startOver(TelegramUrl url, Duration timeout) {
		if (!startingOver.compareAndSet(false, true)) {
			return;
		}
		log.warn("Telegram numbers the bot's updates afresh, as it does after a week without any; long polling starts "
				+ "over so that none of them is skipped");
		TelegramConfiguration.daemonThreads("telegram-polling-restart").newThread(() -> {
			synchronized (this) {
				startingOver.set(false);
				if (application == null) {
					return;
				}
				try {
					application.unregisterBot(settings.token());
				}
				catch (TelegramApiException notRegistered) {
					// registered anew below either way
				}
				register(url, timeout);
			}
		}).start();
	}

	@Override
	public synchronized void stop() {
		if (application == null) {
			return;
		}
		try {
			application.close();
		}
		catch (Exception ex) {
			log.warn("Could not stop long polling cleanly: {}", ex.toString());
		}
		application = null;
		polling.shutdownNow();
		consumer.stop();
	}

	@Override
	public boolean isRunning() {
		return application != null;
	}
}
