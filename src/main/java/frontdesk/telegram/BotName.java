package frontdesk.telegram;

import java.time.Duration;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The bot's own username, asked of Telegram once, so that a command addressed to another bot in the staff group
 * ({@code /close@OtherBot}) is left to that bot. Until Telegram has answered, every command is taken as the bot's own.
 */
@Component
class BotName {

	private static final Logger log = LoggerFactory.getLogger(BotName.class);

	private static final Duration RETRY_EVERY = Duration.ofMinutes(1);

	private final TelegramSettings settings;

	private final BotApi api;

	private volatile String username;

	BotName(TelegramSettings settings, BotApi api) {
		this.settings = settings;
		this.api = api;
	}

	@EventListener(ApplicationReadyEvent.class)
	void learnInBackground() {
		if (!settings.enabled()) {
			return;
		}
		// off the scheduler's one thread: Telegram may take long to answer, or not at all
		TelegramConfiguration.daemonThreads("telegram-bot-name").newThread(this::learn).start();
	}

	/** Asks Telegram until it answers, once a minute. */
	private void learn() {
		while (username == null) {
			try {
				String name = api.execute(new GetMe()).getUserName();
				if (name == null) {
					// every bot has a username; without one, every command stays the bot's own
					return;
				}
				username = name;
				log.info("The bot is @{}", username);
			}
			catch (TelegramApiException | RuntimeException ex) {
				log.debug("Could not ask Telegram for the bot's name; asking again in a minute", ex);
				try {
					Thread.sleep(RETRY_EVERY.toMillis());
				}
				catch (InterruptedException stop) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/** Whether the command, as typed ({@code /close@OtherBot}), names another bot than this one. */
	boolean isForAnotherBot(String command) {
		int at = command.indexOf('@');
		String own = username;
		return at >= 0 && own != null && !command.substring(at + 1).toLowerCase(Locale.ROOT)
			.equals(own.toLowerCase(Locale.ROOT));
	}
}
