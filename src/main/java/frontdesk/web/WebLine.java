package frontdesk.web;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import frontdesk.conversation.ConversationService;
import frontdesk.conversation.Reply;
import frontdesk.text.Cut;

/**
 * One line of a visitor's chat as the page shows it: what they wrote, or what the bot or a person answered, with its
 * buttons.
 */
@Entity
@Table(name = "web_line")
class WebLine {

	static final int MAX_TEXT = 10_000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String visitorId;

	@Enumerated(EnumType.STRING)
	private Author author;

	private String text;

	private String buttons;

	private boolean oneRow;

	private Instant createdAt;

	private Instant editedAt;

	/** The id the visitor's page gave the message, or {@code null}. */
	private String clientId;

	protected WebLine() {
	}

	private WebLine(String visitorId, Author author, String text, List<Reply.Button> buttons, boolean oneRow,
			Instant now) {
		this.visitorId = visitorId;
		this.author = author;
		this.text = limit(text);
		this.buttons = Buttons.encode(buttons);
		this.oneRow = oneRow;
		this.createdAt = now;
	}

	static WebLine fromVisitor(String visitorId, String text, String clientId, Instant now) {
		WebLine line = new WebLine(visitorId, Author.VISITOR, text, List.of(), false, now);
		line.clientId = clientId;
		return line;
	}

	static WebLine toVisitor(String visitorId, Author author, Reply reply, Instant now) {
		return new WebLine(visitorId, author, reply.text(), reply.buttons(), reply.oneRow(), now);
	}

	/** The line now says something else (a rating question showing the choice, say). */
	void replace(Reply reply, Instant now) {
		this.text = limit(reply.text());
		this.buttons = Buttons.encode(reply.buttons());
		this.oneRow = reply.oneRow();
		this.editedAt = now;
	}

	boolean ofVisitor(String visitorId) {
		return this.visitorId.equals(visitorId);
	}

	/**
	 * Whether the line offers, or may have offered, a button: one of its buttons now, or a rating once its buttons
	 * were replaced (a rating question shows the choice once answered, and another tab may still show the buttons).
	 */
	boolean mayHaveOffered(String data) {
		return (editedAt != null && ConversationService.isRatingButton(data))
				|| Buttons.decode(buttons).stream().anyMatch(button -> button.data().equals(data));
	}

	Long id() {
		return id;
	}

	String visitorId() {
		return visitorId;
	}

	ChatLine view() {
		return new ChatLine(id, author.name().toLowerCase(java.util.Locale.ROOT), text, Buttons.decode(buttons), oneRow,
				createdAt);
	}

	private static String limit(String text) {
		return Cut.toLength(text, MAX_TEXT);
	}

	enum Author {

		/** The visitor. */
		VISITOR,

		/** The bot. */
		BOT,

		/** A person from the business (or a message from outside the conversation's turn). */
		STAFF
	}
}
