package frontdesk.conversation;

/**
 * Who sent a message, as the channel knows them.
 *
 * @param channel the channel, e.g. {@code telegram}
 * @param externalId the customer's id on that channel (for Telegram, the private chat id)
 * @param firstName first name, may be {@code null}
 * @param username user name without the {@code @}, may be {@code null}
 */
public record CustomerProfile(String channel, String externalId, String firstName, String username) {

	public CustomerProfile {
		firstName = firstName == null ? null : Inbound.storable(firstName);
		username = username == null ? null : Inbound.storable(username);
	}
}
