package frontdesk.conversation;

/**
 * Who sent a message, as the channel knows them.
 *
 * @param channel the channel, e.g. {@code telegram}
 * @param externalId the customer's id on that channel (for Telegram, the private chat id)
 * @param firstName first name, may be {@code null} (and is, rather than blank)
 * @param username user name without the {@code @}, may be {@code null}
 */
public record CustomerProfile(String channel, String externalId, String firstName, String username) {

	public CustomerProfile {
		firstName = firstName == null || Inbound.storable(firstName).isBlank() ? null : Inbound.storable(firstName);
		username = username == null ? null : Inbound.storable(username);
	}

	/** How the channel identity of a customer forgotten at their request starts; no channel gives out such ids. */
	static final String FORGOTTEN = "forgotten-";

	/** Whether this is a customer forgotten at their request, of whom only the channel is known. */
	public boolean forgotten() {
		return externalId.startsWith(FORGOTTEN);
	}

	/** The customer's name as staff see it: their first name, or "Customer". */
	public String name() {
		return firstName == null ? "Customer" : firstName;
	}
}
