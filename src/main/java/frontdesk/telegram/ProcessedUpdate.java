package frontdesk.telegram;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * A Telegram update that was handled. Stored in the same transaction as the update's effects, so an update that
 * Telegram delivers again is recognised and not handled twice. An update that could not be handled is kept whole.
 */
@Entity
@Table(name = "telegram_update")
class ProcessedUpdate implements Persistable<Long> {

	@Id
	private Long updateId;

	private Instant receivedAt;

	@Enumerated(EnumType.STRING)
	private Status status;

	private String payload;

	private String error;

	@Transient
	private boolean isNew;

	protected ProcessedUpdate() {
	}

	private ProcessedUpdate(long updateId, Instant receivedAt, Status status) {
		this.updateId = updateId;
		this.receivedAt = receivedAt;
		this.status = status;
		this.isNew = true;
	}

	static ProcessedUpdate handled(long updateId, Instant now) {
		return new ProcessedUpdate(updateId, now, Status.HANDLED);
	}

	static ProcessedUpdate failed(long updateId, String payload, String error, Instant now) {
		ProcessedUpdate update = new ProcessedUpdate(updateId, now, Status.FAILED);
		update.payload = payload;
		update.error = error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
		return update;
	}

	@Override
	public Long getId() {
		return updateId;
	}

	@Override
	public boolean isNew() {
		return isNew;
	}

	Status status() {
		return status;
	}

	enum Status {

		/** Handled (or deliberately ignored). */
		HANDLED,

		/** Handling failed; the update is kept whole for inspection. */
		FAILED
	}
}
