package frontdesk.staff;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An event the staff module acted on, known by a digest of the event. */
@Entity
@Table(name = "staff_handled_event")
class HandledEvent {

	@Id
	private String digest;

	private Instant handledAt;

	protected HandledEvent() {
	}

	HandledEvent(String digest, Instant handledAt) {
		this.digest = digest;
		this.handledAt = handledAt;
	}
}
