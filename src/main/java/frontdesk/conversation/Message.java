package frontdesk.conversation;

import java.time.Instant;

import frontdesk.text.Cut;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One message of a conversation, from the customer or to them. Customer messages keep what the bot made of them
 * (outcome, best-guess intent and confidence), so the owner can see which questions it could not answer; bot
 * messages keep the intent and confidence that produced them.
 */
@Entity
@Table(name = "conversation_message")
class Message {

	/** Longest text kept; Telegram's own limit is 4096 characters. */
	static final int MAX_TEXT = 10_000;

	/** Marks the new text of a message its author changed. */
	static final String EDITED = "(edited) ";

	/** Marks a press on one of the bot's buttons, followed by the button's label. */
	static final String PRESSED = "[button] ";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long conversationId;

	@Enumerated(EnumType.STRING)
	private Author author;

	private String text;

	@Enumerated(EnumType.STRING)
	private Outcome outcome;

	private String intentId;

	private Double confidence;

	private String externalId;

	/** Who of the staff wrote it, for a staff message; {@code null} otherwise. */
	private String staffName;

	/** The ticket the message belongs to, while the customer waits for or talks with a person. */
	private Long ticketId;

	private Instant createdAt;

	protected Message() {
	}

	private Message(Long conversationId, Author author, String text, String externalId, Instant createdAt) {
		this.conversationId = conversationId;
		this.author = author;
		this.text = limit(text);
		this.externalId = externalId;
		this.createdAt = createdAt;
	}

	static Message fromCustomer(Long conversationId, Inbound inbound, Instant now) {
		return new Message(conversationId, Author.CUSTOMER, inbound.transcript(), inbound.externalId(), now);
	}

	/** @param staffName who wrote it, whether or not the customer saw the name */
	static Message fromStaff(Long conversationId, String staffName, String text, Instant now) {
		Message message = new Message(conversationId, Author.STAFF, text, null, now);
		message.staffName = staffName == null ? null : Cut.toLength(staffName, 256);
		return message;
	}

	static Message fromBot(Long conversationId, String text, String intentId, Double confidence, Instant now) {
		Message message = new Message(conversationId, Author.BOT, text, null, now);
		message.intentId = intentId;
		message.confidence = confidence;
		return message;
	}

	/** Marks the message as the new text of one its author changed. */
	Message edited() {
		this.text = limit(EDITED + text);
		return this;
	}

	/** Shows a button press as the button the customer saw, not as its data. */
	void pressed(String label) {
		this.text = limit(PRESSED + label);
	}

	private static String limit(String text) {
		return Cut.toLength(text, MAX_TEXT);
	}

	/** Attaches the message to the conversation's ticket. */
	Message attachTo(Long ticketId) {
		this.ticketId = ticketId;
		return this;
	}

	Long ticketId() {
		return ticketId;
	}

	/** Records what the bot made of a customer message. */
	void understood(Outcome outcome, String intentId, Double confidence) {
		this.outcome = outcome;
		this.intentId = intentId;
		this.confidence = confidence;
	}

	Instant createdAt() {
		return createdAt;
	}

	Long id() {
		return id;
	}

	Long conversationId() {
		return conversationId;
	}

	String staffName() {
		return staffName;
	}

	Author author() {
		return author;
	}

	String text() {
		return text;
	}

	Outcome outcome() {
		return outcome;
	}

	String intentId() {
		return intentId;
	}

	Double confidence() {
		return confidence;
	}

	enum Author {
		CUSTOMER, BOT, STAFF
	}

	/** What the bot made of a customer message. */
	enum Outcome {

		/** Answered confidently from an intent. */
		ANSWERED,

		/** Two or more intents were close: the customer was asked which they meant. */
		AMBIGUOUS,

		/** Not understood: nothing matched well enough. */
		UNKNOWN,

		/** A command such as /start, or a button press. */
		COMMAND,

		/** Something the bot cannot read, such as a photo. */
		UNSUPPORTED,

		/** A comment on the rating of a closed conversation. */
		FEEDBACK
	}
}
