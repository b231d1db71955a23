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

	/** The customer's name as staff see it: their first name, or "Customer". */
	public String name() {
		return firstName == null ? "Customer" : firstName;
	}
}
