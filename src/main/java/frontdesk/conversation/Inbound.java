package frontdesk.conversation;

/**
 * A message from a customer, whatever the channel.
 *
 * @param from the customer
 * @param kind what was sent
 * @param text the text, the button's data, or the caption of a media message (may be empty)
 * @param media what kind of media was sent, such as {@code photo}; {@code null} for texts and buttons
 * @param externalId the channel's id of the message, may be {@code null}
 * @param replyTo the channel's id of the message this one replies to, or {@code null}
 */
public record Inbound(CustomerProfile from, Kind kind, String text, String media, String externalId, String replyTo) {

	public Inbound {
		text = storable(text);
	}

	/** A text as it can be stored: without NUL characters, which no one means and PostgreSQL cannot keep in a text. */
	public static String storable(String text) {
		return text == null ? "" : text.replace("\0", "");
	}

	public static Inbound text(CustomerProfile from, String text, String externalId) {
		return new Inbound(from, Kind.TEXT, text, null, externalId, null);
	}

	public static Inbound button(CustomerProfile from, String data) {
		return new Inbound(from, Kind.BUTTON, data, null, null, null);
	}

	/** A photo, sticker, voice message and the like, with its caption if it has one. */
	public static Inbound media(CustomerProfile from, String media, String caption, String externalId) {
		return new Inbound(from, Kind.MEDIA, caption, media, externalId, null);
	}

	/** The same message, as a reply to an earlier one. */
	public Inbound inReplyTo(String messageId) {
		return new Inbound(from, kind, text, media, externalId, messageId);
	}

	/** The message as the transcript shows it: media as {@code [photo]}, followed by any caption. */
	String transcript() {
		if (media == null) {
			return text;
		}
		return text.isBlank() ? "[" + media + "]" : "[" + media + "] " + text;
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
