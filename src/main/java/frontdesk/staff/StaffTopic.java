package frontdesk.staff;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A customer's topic in the staff group: one per customer, reused for each of their requests. A change writes only
 * what it changed: a rename (as a message is relayed) and the replacement of a deleted topic (as a post to it fails)
 * may come at once from two threads, and neither may undo the other.
 */
@Entity
@DynamicUpdate
@Table(name = "staff_topic")
class StaffTopic {

	@Id
	private Long customerId;

	/** The group the topic is in. */
	private String groupId;

	private long topicId;

	/** The topic this one replaced, as it was deleted in the group; {@code null} if none. */
	private Long replacedTopicId;

	private String title;

	/** Closed in Telegram by the staff: only admins can write in it until it is reopened. */
	private boolean closed;

	private Instant createdAt;

	protected StaffTopic() {
	}

	StaffTopic(Long customerId, String groupId, long topicId, String title, Instant createdAt) {
		this.customerId = customerId;
		this.groupId = groupId;
		this.topicId = topicId;
		this.title = title;
		this.createdAt = createdAt;
	}

	String groupId() {
		return groupId;
	}

	/** The topic this one replaced, deleted by hand in the group; {@code null} if none. */
	Long replacedTopicId() {
		return replacedTopicId;
	}

	Long customerId() {
		return customerId;
	}

	long topicId() {
		return topicId;
	}

	String title() {
		return title;
	}

	void renamed(String title) {
		this.title = title;
	}

	boolean closed() {
		return closed;
	}

	/** Staff closed (or reopened) the topic in Telegram, or the bot reopened it. */
	void closed(boolean closed) {
		this.closed = closed;
	}

	boolean in(String group) {
		return groupId.equals(group);
	}

	/** The staff moved to another group: the customer's topic there replaces this one. */
	void moveTo(String group, long topic, String title, Instant now) {
		this.groupId = group;
		this.topicId = topic;
		this.replacedTopicId = null;
		this.title = title;
		this.closed = false;
		this.createdAt = now;
	}

	/** The topic was deleted in the group: a new one, in the same group, replaces it. */
	void replaceDeleted(long topic, Instant now) {
		this.replacedTopicId = this.topicId;
		this.topicId = topic;
		this.closed = false;
		this.createdAt = now;
	}
}
