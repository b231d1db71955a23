package frontdesk.telegram;

import java.io.Serializable;

import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * The Bot API calls the outbox makes: Telegram's client in the application, an in-memory sink in the benchmark.
 */
@FunctionalInterface
interface BotApi {

	<T extends Serializable, M extends BotApiMethod<T>> T execute(M method) throws TelegramApiException;
}
