package frontdesk.telegram;

import java.time.Clock;
import java.util.Optional;

import frontdesk.staff.StaffDesk;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Posts into a customer's topic that someone deleted by hand in the staff group: the staff desk gives the customer a
 * new topic, and what was still on its way to the deleted one goes there instead, in its order.
 */
@Component
class DeletedTopics {

	private final OutboxRepository outbox;

	/** Looked up when needed: the desk posts through the outbox, whose sender calls this. */
	private final ObjectProvider<StaffDesk> staff;

	private final TelegramSettings settings;

	private final Clock clock;

	DeletedTopics(OutboxRepository outbox, ObjectProvider<StaffDesk> staff, TelegramSettings settings, Clock clock) {
		this.outbox = outbox;
		this.staff = staff;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * A post failed as its topic was deleted: it and every other message pending for that topic are queued anew for the
	 * topic that replaces it, after the staff's note that opens that topic. Run in a transaction.
	 * @param error what Telegram said, kept with the messages left behind
	 * @return whether they were moved; not when the topic is no customer's topic of the staff group
	 * @throws IllegalStateException when the new topic could not be opened; the post is to be tried again later
	 */
	boolean moveFrom(OutboxMessage failed, String error) {
		Integer deleted = failed.messageThreadId();
		if (deleted == null || !Long.valueOf(failed.chatId()).equals(settings.staffChatId())) {
			return false;
		}
		Optional<Long> replacement = staff.getObject().topicDeleted(deleted);
		replacement.ifPresent(topic -> {
			for (OutboxMessage pending : outbox.findByChatIdAndMessageThreadIdAndStatusOrderById(failed.chatId(),
					deleted, OutboxMessage.Status.PENDING)) {
				outbox.save(pending.movedTo(Math.toIntExact(topic), clock.instant()));
				pending.giveUp("Moved to topic " + topic + ": " + error);
			}
		});
		return replacement.isPresent();
	}
}
