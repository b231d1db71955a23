package frontdesk.telegram;

import java.util.List;

import org.telegram.telegrambots.meta.api.methods.forum.CreateForumTopic;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import frontdesk.conversation.CustomerProfile;
import frontdesk.conversation.Reply;
import frontdesk.staff.StaffGroup;

import org.springframework.stereotype.Component;

/**
 * The staff group on Telegram: a supergroup with topics. Topics are opened at once (the card needs the topic's id);
 * posts and edits go through the outbox, in order.
 */
@Component
class TelegramStaffGroup implements StaffGroup {

	private final TelegramSettings settings;

	private final BotApi api;

	private final Outbox outbox;

	TelegramStaffGroup(TelegramSettings settings, BotApi api, Outbox outbox) {
		this.settings = settings;
		this.api = api;
		this.outbox = outbox;
	}

	@Override
	public boolean configured() {
		return settings.enabled() && settings.staffChatId() != null;
	}

	@Override
	public String id() {
		return String.valueOf(settings.staffChatId());
	}

	@Override
	public long openTopic(String title) {
		try {
			return api.execute(CreateForumTopic.builder().chatId(settings.staffChatId()).name(title).build())
				.getMessageThreadId();
		}
		catch (TelegramApiException ex) {
			throw new IllegalStateException("Could not open a topic in the staff group: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void post(long topicId, String text, List<Reply.Button> buttons, String key) {
		outbox.sendToTopic(settings.staffChatId(), Math.toIntExact(topicId), new Reply(text, buttons), key);
	}

	@Override
	public void reply(long topicId, String toKey, String text) {
		outbox.replyInTopic(settings.staffChatId(), Math.toIntExact(topicId), toKey, Reply.of(text));
	}

	@Override
	public void postToGeneral(String text) {
		outbox.send(settings.staffChatId(), Reply.of(text));
	}

	@Override
	public boolean copy(long topicId, CustomerProfile from, String messageId) {
		if (!UpdateHandler.CHANNEL.equals(from.channel()) || messageId == null) {
			return false;
		}
		outbox.copyToTopic(settings.staffChatId(), Math.toIntExact(topicId), Long.parseLong(from.externalId()),
				Integer.parseInt(messageId));
		return true;
	}

	@Override
	public void edit(String key, String text, List<Reply.Button> buttons) {
		outbox.edit(settings.staffChatId(), key, new Reply(text, buttons));
	}
}
