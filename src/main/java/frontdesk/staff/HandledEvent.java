package frontdesk.staff;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/** An event the staff module acted on, known by a digest of the event; made only when it is not stored yet. */
@Entity
@Table(name = "staff_handled_event")
class HandledEvent implements Persistable<String> {

	@Id
	private String digest;

	private Instant handledAt;

	@Transient
	private boolean isNew;

	protected HandledEvent() {
	}

	HandledEvent(String digest, Instant handledAt) {
		this.digest = digest;
		this.handledAt = handledAt;
		this.isNew = true;
	}

	@Override
	public String getId() {
		return digest;
	}

	@Override
	public boolean isNew() {
		return isNew;
	}
}
