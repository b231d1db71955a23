package frontdesk.conversation;

import java.time.Instant;

import frontdesk.text.Cut;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Someone who messages the business, on one channel.
 */
@Entity
@Table(name = "customer")
class Customer {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String channel;

	private String externalId;

	private String firstName;

	private String username;

	private boolean blocked;

	private Instant createdAt;

	private Instant forgottenAt;

	protected Customer() {
	}

	Customer(CustomerProfile profile, Instant now) {
		this.channel = profile.channel();
		this.externalId = profile.externalId();
		this.createdAt = now;
		update(profile);
	}

	/** Keeps the names up to date with what the channel last told. */
	void update(CustomerProfile profile) {
		if (profile.firstName() != null) {
			this.firstName = limit(profile.firstName());
		}
		if (profile.username() != null) {
			this.username = limit(profile.username());
		}
	}

	/**
	 * The customer blocked the bot on their channel, or started it again.
	 * @return whether that changed anything
	 */
	boolean markBlocked(boolean blocked) {
		boolean changed = this.blocked != blocked;
		this.blocked = blocked;
		return changed;
	}

	/**
	 * Erases who the customer is: their names, and their identity on their channel, which becomes one no one has, so
	 * that whoever writes from there again is a new customer.
	 */
	void forget(Instant now) {
		firstName = null;
		username = null;
		externalId = CustomerProfile.FORGOTTEN + id;
		blocked = false;
		forgottenAt = now;
	}

	boolean forgotten() {
		return forgottenAt != null;
	}

	CustomerProfile profile() {
		return new CustomerProfile(channel, externalId, firstName, username);
	}

	Long id() {
		return id;
	}

	String firstName() {
		return firstName;
	}

	boolean blocked() {
		return blocked;
	}

	private static String limit(String text) {
		return Cut.toLength(text, 256);
	}
}
