package frontdesk.conversation;

/**
 * A message from a customer, whatever the channel.
 *
 * @param from the customer
 * @param kind what was sent
 * @param text the text, the button's data, or a short description of a media message such as {@code [photo]}
 * @param externalId the channel's id of the message, may be {@code null}
 */
public record Inbound(CustomerProfile from, Kind kind, String text, String externalId) {

	public static Inbound text(CustomerProfile from, String text, String externalId) {
		return new Inbound(from, Kind.TEXT, text, externalId);
	}

	public static Inbound button(CustomerProfile from, String data) {
		return new Inbound(from, Kind.BUTTON, data == null ? "" : data, null);
	}

	public static Inbound media(CustomerProfile from, String description, String externalId) {
		return new Inbound(from, Kind.MEDIA, "[" + description + "]", externalId);
	}

	public enum Kind {

		/** A text the customer typed (commands start with a slash). */
		TEXT,

		/** A press on one of the bot's buttons. */
		BUTTON,

		/** A photo, sticker, voice message, document and the like. */
		MEDIA
	}
}
