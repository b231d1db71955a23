package frontdesk.staff;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import frontdesk.conversation.CustomerProfile;
import frontdesk.text.Cut;

import org.springframework.stereotype.Component;

/**
 * The customers' topics in the staff group: one per customer, opened when first needed, opened anew when the staff move
 * to another group or someone deleted it, and renamed when the customer's name changes.
 */
@Component
class StaffTopics {

	private final StaffGroup group;

	private final StaffTopicRepository topics;

	private final Clock clock;

	StaffTopics(StaffGroup group, StaffTopicRepository topics, Clock clock) {
		this.group = group;
		this.topics = topics;
		this.clock = clock;
	}

	/**
	 * The customer's topic, opened (or opened anew in a new group) if need be, renamed when their name changed, and
	 * reopened when the staff had closed it: what is posted there now is for all of them to answer.
	 */
	long topicOf(Long customerId, CustomerProfile customer) {
		String title = title(customer);
		Optional<StaffTopic> known = topics.findById(customerId);
		if (known.isPresent() && known.get().in(group.id())) {
			if (!known.get().title().equals(title) && group.renameTopic(known.get().topicId(), title)) {
				known.get().renamed(title);
			}
			if (known.get().closed() && group.reopenTopic(known.get().topicId())) {
				known.get().closed(false);
			}
			return known.get().topicId();
		}
		long topic = group.openTopic(title);
		if (known.isPresent()) {
			known.get().moveTo(group.id(), topic, title, clock.instant());
		}
		else {
			topics.save(new StaffTopic(customerId, group.id(), topic, title, clock.instant()));
		}
		return topic;
	}

	/** Whether the customer's topic in the current group bears another name than theirs now: they changed it. */
	boolean renamed(Long customerId, CustomerProfile customer) {
		return topics.findById(customerId)
			.filter(topic -> topic.in(group.id()) && !topic.title().equals(title(customer)))
			.isPresent();
	}

	/**
	 * Replaces a customer's topic that was deleted in the group with a new one, which their posts go to from now on.
	 * @return the new topic; empty if the topic is no customer's current topic in the current group
	 * @throws IllegalStateException when the group cannot be reached; the caller tries again later
	 */
	Optional<Long> replaceDeleted(long deletedTopicId) {
		Optional<StaffTopic> deleted = topics.findByGroupIdAndTopicId(group.id(), deletedTopicId);
		deleted.ifPresent(topic -> topic.replaceDeleted(group.openTopic(topic.title()), clock.instant()));
		return deleted.map(StaffTopic::topicId);
	}

	/**
	 * Forgets the customer's topic, deleting it in the group with what it holds of them, and the bot's posts about them
	 * (in their topics, and under the given keys anywhere in the group) with it.
	 * @return the title of a topic left for the staff to delete by hand: Telegram would not delete it, or it is in an
	 * earlier group, which the bot no longer looks after; empty when there is none left
	 */
	Optional<String> forget(Long customerId, List<String> keys) {
		// a customer who never had a topic has no posts either: cards and alerts go to the customer's topic
		Optional<StaffTopic> topic = topics.findById(customerId);
		topic.ifPresent(known -> {
			group.forgetPosts(known.groupId(), Stream.of(known.topicId(), known.replacedTopicId())
				.filter(Objects::nonNull)
				.toList(), keys);
			topics.delete(known);
		});
		return topic.filter(known -> !known.in(group.id()) || !group.deleteTopic(known.topicId())).map(StaffTopic::title);
	}

	/** The topic that replaced a deleted one, in the current group, if one did. */
	Optional<Long> replacementOf(long deletedTopicId) {
		return topics.findByGroupIdAndReplacedTopicId(group.id(), deletedTopicId).map(StaffTopic::topicId);
	}

	/** The customer's topic in the current group, if they have one. */
	Optional<Long> existing(Long customerId) {
		return topics.findById(customerId).filter(topic -> topic.in(group.id())).map(StaffTopic::topicId);
	}

	/** Whether the customer's topic is in another group than the current one: the staff moved since it was opened. */
	boolean inAnotherGroup(Long customerId) {
		return topics.findById(customerId).filter(topic -> !topic.in(group.id())).isPresent();
	}

	/**
	 * Staff closed or reopened a topic in Telegram.
	 * @return whose topic it is; empty for a topic that is no customer's in the current group
	 */
	Optional<Long> closedInGroup(long topicId, boolean closed) {
		Optional<StaffTopic> topic = topics.findByGroupIdAndTopicId(group.id(), topicId);
		topic.ifPresent(known -> known.closed(closed));
		return topic.map(StaffTopic::customerId);
	}

	/** Whose topic this is, in the current group. */
	Optional<Long> customerIn(long topicId) {
		return topics.findByGroupIdAndTopicId(group.id(), topicId).map(StaffTopic::customerId);
	}

	/**
	 * A topic's title, as Telegram allows: the customer's name and something that tells two of the same name apart,
	 * their username, or else the end of their id (with the channel for one not on Telegram, such as the web chat).
	 */
	static String title(CustomerProfile customer) {
		String id = customer.externalId();
		String end = id.substring(Math.max(0, id.length() - 4));
		String title = !"telegram".equals(customer.channel()) ? customer.name() + " (" + customer.channel() + " " + end + ")"
				: customer.username() == null ? customer.name() + " (…" + end + ")"
				: customer.name() + " (@" + customer.username() + ")";
		return Cut.toLength(title, 128);
	}
}
