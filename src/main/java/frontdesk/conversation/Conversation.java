package frontdesk.conversation;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One conversation between a customer and the business, from the first message to its close. Its state changes only
 * through the transitions below, which refuse illegal moves.
 */
@Entity
@Table(name = "conversation")
class Conversation {

	/** Misses in a row after which the bot offers a person without being asked. */
	static final int MISSES_BEFORE_OFFERING_PERSON = 2;

	/** Answers after which the bot offers a "That's all, thanks" button. */
	static final int OFFER_TO_END_AFTER = 2;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long customerId;

	@Enumerated(EnumType.STRING)
	private State state;

	private Instant openedAt;

	private Instant lastCustomerMessageAt;

	private Instant closedAt;

	@Enumerated(EnumType.STRING)
	private CloseReason closeReason;

	private int missStreak;

	private int answeredCount;

	/** The ticket of the request for a person, while there is one. */
	private Long ticketId;

	private Instant lastAcknowledgedAt;

	private Instant lastStaffMessageAt;

	/** Whether the bot offered a person because the customer seemed upset, which it does once per conversation. */
	private boolean personOfferedToUpset;

	/** Whether the staff opened it to follow up a bad rating, rather than the customer by writing. */
	private boolean followUp;

	@Version
	private long version;

	protected Conversation() {
	}

	Conversation(Long customerId, Instant now) {
		this.customerId = customerId;
		this.state = State.WITH_BOT;
		this.openedAt = now;
		this.lastCustomerMessageAt = now;
	}

	/** Marks a conversation the staff open to follow up a bad rating (the figures count the customers' own). */
	Conversation openedForFollowUp() {
		this.followUp = true;
		return this;
	}

	void customerWrote(Instant now) {
		requireOpen("take a message");
		lastCustomerMessageAt = now;
	}

	/** The bot answered the customer's question. */
	void answered() {
		requireOpen("answer");
		answeredCount++;
		missStreak = 0;
	}

	/**
	 * The bot could not answer the customer's question.
	 * @return whether it is time to offer a person
	 */
	boolean missed() {
		requireOpen("miss");
		missStreak++;
		return missStreak >= MISSES_BEFORE_OFFERING_PERSON;
	}

	/**
	 * The customer seems upset: whether the bot should offer a person, which it does once per conversation, and only
	 * while it holds the conversation itself.
	 */
	boolean offerPersonToUpset() {
		if (state != State.WITH_BOT || personOfferedToUpset) {
			return false;
		}
		personOfferedToUpset = true;
		return true;
	}

	/**
	 * The customer asked for a person, and the request is the given ticket (the same one when asked again, and nothing
	 * changes once a person holds the conversation).
	 */
	void requestPerson(Long ticketId) {
		requireOpen("hand over");
		missStreak = 0;
		if (state == State.WITH_BOT) {
			state = State.WAITING_FOR_PERSON;
			this.ticketId = ticketId;
			this.lastAcknowledgedAt = null;
		}
	}

	/** The customer no longer needs a person: back to the bot. */
	void withdrawRequest() {
		if (state != State.WAITING_FOR_PERSON) {
			throw new IllegalStateException("Conversation " + id + " has no request for a person to withdraw");
		}
		state = State.WITH_BOT;
		ticketId = null;
	}

	/**
	 * Whether to acknowledge a message the bot cannot answer while the customer waits: at most once in the given
	 * time, not for every message.
	 */
	boolean acknowledgeWhileWaiting(Instant now, Duration every) {
		if (state != State.WAITING_FOR_PERSON
				|| (lastAcknowledgedAt != null && now.isBefore(lastAcknowledgedAt.plus(every)))) {
			return false;
		}
		lastAcknowledgedAt = now;
		return true;
	}

	boolean waitingForPerson() {
		return state == State.WAITING_FOR_PERSON;
	}

	Long ticketId() {
		return ticketId;
	}

	Instant lastCustomerMessageAt() {
		return lastCustomerMessageAt;
	}

	Long customerId() {
		return customerId;
	}

	void close(CloseReason reason, Instant now) {
		requireOpen("close");
		state = State.CLOSED;
		closedAt = now;
		closeReason = reason;
	}

	/** A staff member answered (or took the request): from now on a person holds the conversation and the bot stays quiet. */
	void personAnswered(Instant now) {
		personTook(now);
		lastStaffMessageAt = now;
	}

	/**
	 * A staff member took the request without writing yet: a person holds the conversation and the bot stays quiet,
	 * but the customer still waits for an answer. A follow-up the staff opened themselves is another matter: no one
	 * waits in it, and it goes quiet from when it was taken.
	 */
	void personTook(Instant now) {
		if (state != State.WAITING_FOR_PERSON && state != State.WITH_PERSON) {
			throw new IllegalStateException("Conversation " + id + " has no request for a person");
		}
		state = State.WITH_PERSON;
		if (followUp && lastStaffMessageAt == null) {
			lastStaffMessageAt = now;
		}
	}

	/**
	 * Whether the conversation has gone quiet long enough to close: with the bot, after {@code idleTimeout} with no
	 * customer message; held by a person, after {@code staffIdleTimeout} with no message from either side. A customer
	 * waiting for a person, or for the first word of the person who took their request, is never closed for being
	 * quiet.
	 */
	boolean idle(Instant now, Duration idleTimeout, Duration staffIdleTimeout) {
		return switch (state) {
			case WITH_BOT -> !now.isBefore(lastCustomerMessageAt.plus(idleTimeout));
			case WITH_PERSON -> lastStaffMessageAt != null
					&& !now.isBefore(latest(lastCustomerMessageAt, lastStaffMessageAt).plus(staffIdleTimeout));
			case WAITING_FOR_PERSON, CLOSED -> false;
		};
	}

	private static Instant latest(Instant a, Instant b) {
		return b == null || a.isAfter(b) ? a : b;
	}

	/** Whether to offer the customer a way to end the conversation: after the bot answered a couple of questions. */
	boolean offerToEnd() {
		return answeredCount >= OFFER_TO_END_AFTER;
	}

	boolean withPerson() {
		return state == State.WITH_PERSON;
	}

	boolean isOpen() {
		return state != State.CLOSED;
	}

	private void requireOpen(String action) {
		if (state == State.CLOSED) {
			throw new IllegalStateException("Cannot " + action + " in closed conversation " + id);
		}
	}

	Long id() {
		return id;
	}

	State state() {
		return state;
	}

	int missStreak() {
		return missStreak;
	}

	int answeredCount() {
		return answeredCount;
	}

	Instant openedAt() {
		return openedAt;
	}

	Instant closedAt() {
		return closedAt;
	}

	CloseReason closeReason() {
		return closeReason;
	}

	enum State {

		/** The bot answers. */
		WITH_BOT,

		/** The customer asked for a person and waits for one; the bot still answers clear questions. */
		WAITING_FOR_PERSON,

		/** A staff member holds the conversation; the bot stays quiet. */
		WITH_PERSON,

		/** Over; a new message starts a new conversation. */
		CLOSED
	}
}
