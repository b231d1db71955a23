package frontdesk.ticket;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * When the promise watch last looked.
 */
@Entity
@Table(name = "ticket_watch")
class WatchState {

	static final int ID = 1;

	@Id
	private Integer id;

	private Instant lastCheckedAt;

	private Instant lastSummaryAt;

	protected WatchState() {
	}

	Instant lastCheckedAt() {
		return lastCheckedAt;
	}

	/** When the last opening was summed up; tickets since then belong to the next summary. */
	Instant lastSummaryAt() {
		return lastSummaryAt;
	}

	void checkedAt(Instant now) {
		this.lastCheckedAt = now;
	}

	void summarisedAt(Instant now) {
		this.lastSummaryAt = now;
	}
}
