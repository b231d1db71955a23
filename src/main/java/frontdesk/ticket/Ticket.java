package frontdesk.ticket;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A customer's request for a person, and the promise of when one answers. Waits in the queue until a staff member
 * takes it, then ends when closed (or withdrawn by the customer). Whether the promise was kept is decided at the first
 * staff reply.
 */
@Entity
@Table(name = "ticket")
class Ticket extends AbstractAggregateRoot<Ticket> {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long conversationId;

	private Long customerId;

	@Enumerated(EnumType.STRING)
	private Status status;

	private boolean afterHours;

	private Instant requestedAt;

	private Instant promisedBy;

	private String takenBy;

	private String takenById;

	private Instant takenAt;

	private Instant firstResponseAt;

	private Instant closedAt;

	/** How it ended, once it has. */
	@Enumerated(EnumType.STRING)
	private TicketEnded.Ending ending;

	/** The staff member who closed it, when one did. */
	private String closedBy;

	private Boolean promiseKept;

	private Instant remindedAt;

	private Instant missedAt;

	/** Whether the staff opened it to follow up a bad rating, rather than the customer asking. */
	private boolean followUp;

	@Version
	private long version;

	protected Ticket() {
	}

	Ticket(Long conversationId, Long customerId, boolean afterHours, Instant requestedAt, Instant promisedBy) {
		this.conversationId = conversationId;
		this.customerId = customerId;
		this.afterHours = afterHours;
		this.requestedAt = requestedAt;
		this.promisedBy = promisedBy;
		this.status = Status.WAITING;
	}

	/** Marks the ticket as opened by the staff to follow up a bad rating. */
	Ticket followingUp() {
		this.followUp = true;
		return this;
	}

	/** Whether the customer asked for it (the figures of requests count only these). */
	boolean askedByCustomer() {
		return !followUp;
	}

	/** The number customers and staff see, e.g. {@code #T-000042}. */
	static String number(long id) {
		return "#T-%06d".formatted(id);
	}

	/** A staff member takes the ticket. */
	void take(StaffMember staff, Instant now) {
		requireOpen("take");
		if (status == Status.WAITING) {
			status = Status.TAKEN;
			takenBy = staff.name();
			takenById = staff.id();
			takenAt = now;
		}
	}

	/** A staff member takes the ticket over from the colleague who has it. */
	void takeOver(StaffMember staff, Instant now) {
		requireOpen("take over");
		status = Status.TAKEN;
		takenBy = staff.name();
		takenById = staff.id();
		takenAt = now;
	}

	/** A staff member answered the customer: the first answer decides whether the promise was kept. */
	void staffReplied(StaffMember staff, Instant wroteAt, Instant now) {
		requireOpen("answer");
		take(staff, now);
		if (firstResponseAt == null) {
			// when they wrote, as far as it can be true: not before the request, not after now
			firstResponseAt = wroteAt.isAfter(now) ? now : wroteAt.isBefore(requestedAt) ? requestedAt : wroteAt;
			// a follow-up of a bad rating was promised nothing
			promiseKept = followUp ? null : !firstResponseAt.isAfter(promisedBy);
			if (Boolean.TRUE.equals(promiseKept)) {
				// written in time but handled after the watch had looked (Telegram keeps messages while Frontdesk is
				// down): the promise was kept after all
				missedAt = null;
			}
		}
	}

	/** The customer no longer needs a person. */
	void withdraw(Instant now) {
		end(TicketEnded.Ending.WITHDRAWN, null, now);
	}

	/** A staff member closed the ticket; if no one had taken it, they handled it. */
	void close(StaffMember staff, Instant now) {
		take(staff, now);
		end(TicketEnded.Ending.CLOSED_BY_STAFF, staff.name(), now);
	}

	/** The conversation ended without staff closing it: the customer ended it, or it went quiet. */
	void close(TicketEnded.Ending ending, Instant now) {
		end(ending, null, now);
	}

	private void end(TicketEnded.Ending ending, String staff, Instant now) {
		requireOpen(ending == TicketEnded.Ending.WITHDRAWN ? "withdraw" : "close");
		TicketView before = view(0);
		status = ending == TicketEnded.Ending.WITHDRAWN ? Status.WITHDRAWN : Status.CLOSED;
		closedAt = now;
		this.ending = ending;
		closedBy = staff;
		if (promiseKept == null && firstResponseAt == null && !followUp && now.isAfter(promisedBy)) {
			// the promise passed unanswered, though it ended before the watch looked
			promiseKept = false;
		}
		registerEvent(new TicketEnded(before, ending, staff, now));
	}

	/** Records that the staff were reminded of the promise, once. */
	boolean remind(Instant now) {
		if (remindedAt != null || firstResponseAt != null || !isOpen() || followUp) {
			return false;
		}
		remindedAt = now;
		registerEvent(new PromiseReminderDue(view(0), now));
		return true;
	}

	/** Records that the promise passed with no staff reply, once: a reply at the very moment still keeps it. */
	boolean miss(Instant now) {
		if (missedAt != null || firstResponseAt != null || !isOpen() || followUp || !now.isAfter(promisedBy)) {
			return false;
		}
		missedAt = now;
		promiseKept = false;
		registerEvent(new PromiseMissed(view(0), now));
		return true;
	}

	boolean isOpen() {
		return status == Status.WAITING || status == Status.TAKEN;
	}

	TicketView view(int position) {
		return new TicketView(id, number(id), conversationId, customerId, afterHours, requestedAt, promisedBy, position,
				takenBy, takenById, followUp);
	}

	TicketTimeline timeline(int position) {
		return new TicketTimeline(view(position), status.name(), takenAt, firstResponseAt, promiseKept, remindedAt, missedAt,
				closedAt, ending, closedBy);
	}

	private void requireOpen(String action) {
		if (!isOpen()) {
			throw new IllegalStateException("Cannot " + action + " ticket " + number(id) + ", which is " + status);
		}
	}

	Long id() {
		return id;
	}

	Status status() {
		return status;
	}

	Instant requestedAt() {
		return requestedAt;
	}

	boolean afterHours() {
		return afterHours;
	}

	Instant promisedBy() {
		return promisedBy;
	}

	Instant firstResponseAt() {
		return firstResponseAt;
	}

	Boolean promiseKept() {
		return promiseKept;
	}

	String takenBy() {
		return takenBy;
	}

	enum Status {

		/** In the queue, waiting for a person. */
		WAITING,

		/** A staff member has it. */
		TAKEN,

		/** Done. */
		CLOSED,

		/** The customer no longer needed a person. */
		WITHDRAWN
	}
}
