package frontdesk.telegram;

import frontdesk.conversation.CustomerForgotten;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A Telegram customer was forgotten: what the bot sent them or was about to, and which of its messages were theirs,
 * are forgotten too, in the same transaction.
 */
@Component
class ForgottenChats {

	private final OutboxRepository outbox;

	private final SentMessageRepository sent;

	ForgottenChats(OutboxRepository outbox, SentMessageRepository sent) {
		this.outbox = outbox;
		this.sent = sent;
	}

	@EventListener
	void on(CustomerForgotten forgotten) {
		if (UpdateHandler.CHANNEL.equals(forgotten.was().channel())) {
			long chat = Long.parseLong(forgotten.was().externalId());
			outbox.deleteByChatId(chat);
			sent.deleteByChatId(chat);
		}
	}
}
