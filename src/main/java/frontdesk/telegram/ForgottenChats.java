package frontdesk.telegram;

import frontdesk.conversation.CustomerForgotten;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A Telegram customer was forgotten: what the bot sent them or was about to, which of its messages were theirs (and
 * which copies in the staff group came from them), and the updates of theirs kept for inspection are forgotten too, in
 * the same transaction.
 */
@Component
class ForgottenChats {

	private final OutboxRepository outbox;

	private final SentMessageRepository sent;

	private final ProcessedUpdateRepository updates;

	ForgottenChats(OutboxRepository outbox, SentMessageRepository sent, ProcessedUpdateRepository updates) {
		this.outbox = outbox;
		this.sent = sent;
		this.updates = updates;
	}

	@EventListener
	void on(CustomerForgotten forgotten) {
		if (UpdateHandler.CHANNEL.equals(forgotten.was().channel())) {
			long chat = Long.parseLong(forgotten.was().externalId());
			outbox.deleteByChatIdOrFromChatId(chat);
			sent.deleteByChatId(chat, MessagePairs.copiesFrom(chat) + "%");
			// an update that failed is kept whole for inspection; one of theirs keeps no more than its id
			updates.forgetPayloadsSaying("\"id\":" + chat + ",");
		}
	}
}
