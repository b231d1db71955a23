package frontdesk.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.forum.CreateForumTopic;
import org.telegram.telegrambots.meta.api.methods.forum.DeleteForumTopic;
import org.telegram.telegrambots.meta.api.methods.forum.EditForumTopic;
import org.telegram.telegrambots.meta.api.methods.forum.ReopenForumTopic;
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

	private static final Logger log = LoggerFactory.getLogger(TelegramStaffGroup.class);

	/**
	 * How long opening a topic is tried before its event is left to be tried again later: long enough for a rate
	 * limit's wait or a blip, short enough not to hold up the events of the other modules for long.
	 */
	private static final Duration TOPIC_PATIENCE = Duration.ofSeconds(10);

	private static final int MAX_TOPIC_ATTEMPTS = 5;

	private final TelegramSettings settings;

	private final BotApi api;

	private final Outbox outbox;

	private final RetryPolicy topicRetries;

	private final Clock clock;

	TelegramStaffGroup(TelegramSettings settings, BotApi api, Outbox outbox, Clock clock) {
		this.settings = settings;
		this.api = api;
		this.outbox = outbox;
		this.clock = clock;
		this.topicRetries = new RetryPolicy(settings.outbox().maxBackoff(), TOPIC_PATIENCE);
	}

	@Override
	public boolean configured() {
		return settings.enabled() && settings.staffChatId() != null;
	}

	@Override
	public String id() {
		return String.valueOf(settings.staffChatId());
	}

	/**
	 * Opens the topic, waiting out a short rate limit or a blip on the way: the events between modules wait meanwhile,
	 * so the card and the customer's lines still reach the group in their order.
	 * @throws IllegalStateException when it could not be opened within a few seconds; the event is tried again later
	 */
	@Override
	public long openTopic(String title) {
		Instant start = clock.instant();
		for (int attempts = 1;; attempts++) {
			try {
				return api.execute(CreateForumTopic.builder().chatId(settings.staffChatId()).name(title).build())
					.getMessageThreadId();
			}
			catch (TelegramApiException ex) {
				Instant now = clock.instant();
				RetryPolicy.Decision decision = topicRetries.decide(ex, attempts, Duration.between(start, now), now, true);
				if (decision.retryAt() == null || decision.retryAt().isAfter(start.plus(TOPIC_PATIENCE))
						|| attempts >= MAX_TOPIC_ATTEMPTS) {
					throw new IllegalStateException("Could not open a topic in the staff group: " + ex.getMessage(), ex);
				}
				log.warn("Could not open a topic in the staff group ({}); trying again at {}", ex.getMessage(),
						decision.retryAt());
				pause(Duration.between(now, decision.retryAt()));
			}
		}
	}

	private static void pause(Duration wait) {
		try {
			Thread.sleep(Math.max(0, wait.toMillis()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Stopped while opening a topic in the staff group", ex);
		}
	}

	@Override
	public boolean renameTopic(long topicId, String title) {
		try {
			api.execute(EditForumTopic.builder()
				.chatId(settings.staffChatId())
				.messageThreadId(Math.toIntExact(topicId))
				.name(title)
				.build());
			return true;
		}
		catch (TelegramApiException ex) {
			log.warn("Could not rename topic {} of the staff group to '{}': {}", topicId, title, ex.getMessage());
			return false;
		}
	}

	@Override
	public boolean reopenTopic(long topicId) {
		try {
			api.execute(ReopenForumTopic.builder()
				.chatId(settings.staffChatId())
				.messageThreadId(Math.toIntExact(topicId))
				.build());
			return true;
		}
		catch (TelegramApiException ex) {
			// already open, reopened by someone in the meantime
			if (String.valueOf(RetryPolicy.description(ex)).contains("TOPIC_NOT_MODIFIED")) {
				return true;
			}
			log.warn("Could not reopen topic {} of the staff group: {}", topicId, ex.getMessage());
			return false;
		}
	}

	@Override
	public boolean deleteTopic(long topicId) {
		try {
			api.execute(DeleteForumTopic.builder()
				.chatId(settings.staffChatId())
				.messageThreadId(Math.toIntExact(topicId))
				.build());
			return true;
		}
		catch (TelegramApiException ex) {
			String said = String.valueOf(RetryPolicy.description(ex)).toLowerCase(Locale.ROOT);
			if (said.contains("topic_id_invalid") || said.contains("thread not found") || said.contains("topic_deleted")) {
				return true;
			}
			log.warn("Could not delete topic {} of the staff group: {}", topicId, ex.getMessage());
			return false;
		}
	}

	@Override
	public void forgetPosts(String groupId, List<Long> topicIds, List<String> keys) {
		outbox.forgetPosts(Long.parseLong(groupId), topicIds.stream().map(Math::toIntExact).toList(), keys);
	}

	@Override
	public void post(long topicId, String text, List<Reply.Button> buttons, String key, String replyToKey) {
		outbox.send(settings.staffChatId(), Math.toIntExact(topicId), new Reply(text, buttons), key, replyToKey);
	}

	@Override
	public void postToGeneral(String text) {
		outbox.send(settings.staffChatId(), Reply.of(text));
	}

	@Override
	public void relay(long topicId, CustomerProfile from, String messageId, String line, String replyTo) {
		boolean telegram = UpdateHandler.CHANNEL.equals(from.channel());
		long chat = telegram ? Long.parseLong(from.externalId()) : 0;
		outbox.send(settings.staffChatId(), Math.toIntExact(topicId), Reply.of(line),
				telegram && messageId != null ? MessagePairs.copyOf(chat, Long.parseLong(messageId)) : null,
				telegram && replyTo != null ? MessagePairs.otherSideOf(chat, Long.parseLong(replyTo)) : null);
	}

	@Override
	public boolean copy(long topicId, CustomerProfile from, String messageId, String replyTo) {
		if (!UpdateHandler.CHANNEL.equals(from.channel()) || messageId == null) {
			return false;
		}
		long chat = Long.parseLong(from.externalId());
		outbox.copy(settings.staffChatId(), Math.toIntExact(topicId), chat, Integer.parseInt(messageId), null,
				replyTo == null ? null : MessagePairs.otherSideOf(chat, Long.parseLong(replyTo)));
		return true;
	}

	@Override
	public void edit(String key, String text, List<Reply.Button> buttons) {
		outbox.edit(settings.staffChatId(), key, new Reply(text, buttons));
	}

	@Override
	public boolean posted(String key) {
		return outbox.sent(key);
	}
}
