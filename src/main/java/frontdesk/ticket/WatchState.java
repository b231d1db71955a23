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

	protected WatchState() {
	}

	WatchState(Instant lastCheckedAt) {
		this.id = ID;
		this.lastCheckedAt = lastCheckedAt;
	}

	Instant lastCheckedAt() {
		return lastCheckedAt;
	}

	void checkedAt(Instant now) {
		this.lastCheckedAt = now;
	}
}
