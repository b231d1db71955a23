package frontdesk.staff;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A customer's topic in the staff group: one per customer, reused for each of their requests.
 */
@Entity
@Table(name = "staff_topic")
class StaffTopic {

	@Id
	private Long customerId;

	private long topicId;

	private String title;

	private Instant createdAt;

	protected StaffTopic() {
	}

	StaffTopic(Long customerId, long topicId, String title, Instant createdAt) {
		this.customerId = customerId;
		this.topicId = topicId;
		this.title = title;
		this.createdAt = createdAt;
	}

	Long customerId() {
		return customerId;
	}

	long topicId() {
		return topicId;
	}
}
