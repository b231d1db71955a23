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

	/** The lengths of the payload and error columns; the log has a longer one whole. */
	private static final int MAX_PAYLOAD = 100_000;

	private static final int MAX_ERROR = 1000;

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

	/** The same id arrived long after the first: a new update. */
	void handledAgain(Instant now) {
		this.receivedAt = now;
		this.status = Status.HANDLED;
		this.payload = null;
		this.error = null;
	}

	ProcessedUpdate failed(String payload, String error, Instant now) {
		this.receivedAt = now;
		this.status = Status.FAILED;
		this.payload = payload == null || payload.length() <= MAX_PAYLOAD ? payload : payload.substring(0, MAX_PAYLOAD);
		this.error = error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
		return this;
	}

	@Override
	public Long getId() {
		return updateId;
	}

	@Override
	public boolean isNew() {
		return isNew;
	}

	boolean receivedAfter(Instant instant) {
		return receivedAt.isAfter(instant);
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
