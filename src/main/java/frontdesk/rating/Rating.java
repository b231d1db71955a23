package frontdesk.rating;

import java.time.Duration;
import java.time.Instant;

import frontdesk.text.Cut;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The rating question of one closed conversation and the customer's answer: a score from 1 to 5, given once, and an
 * optional comment.
 */
@Entity
@Table(name = "rating")
class Rating {

	/** Longest comment kept. */
	static final int MAX_COMMENT = 4000;

	@Id
	private Long conversationId;

	private Long customerId;

	private Long ticketId;

	private String handledBy;

	private String handledById;

	private String question;

	private Integer score;

	private String comment;

	private Instant askedAt;

	private Instant ratedAt;

	private Instant commentedAt;

	/** Whether the comment was given or skipped. */
	private boolean commentClosed;

	@Version
	private long version;

	protected Rating() {
	}

	Rating(Long conversationId, Long customerId, Long ticketId, String handledBy, String handledById, String question,
			Instant askedAt) {
		this.conversationId = conversationId;
		this.customerId = customerId;
		this.ticketId = ticketId;
		this.handledBy = handledBy;
		this.handledById = handledById;
		this.question = question;
		this.askedAt = askedAt;
	}

	/**
	 * The customer tapped a score.
	 * @param expiresAfter how long the question can be answered
	 */
	RatingOutcome rate(int score, Instant now, Duration expiresAfter) {
		if (score < 1 || score > 5) {
			throw new IllegalArgumentException("A rating is from 1 to 5, not " + score);
		}
		if (this.score != null) {
			return RatingOutcome.ALREADY_RATED;
		}
		if (now.isAfter(askedAt.plus(expiresAfter))) {
			return RatingOutcome.EXPIRED;
		}
		this.score = score;
		this.ratedAt = now;
		return RatingOutcome.RATED;
	}

	/** Whether the customer's next text is the comment: rated, no comment yet, and within the window. */
	boolean awaitsComment(Instant now, Duration window) {
		return score != null && !commentClosed && now.isBefore(ratedAt.plus(window));
	}

	void comment(String text, Instant now) {
		this.comment = Cut.toLength(text, MAX_COMMENT);
		this.commentedAt = now;
		this.commentClosed = true;
	}

	/** @return whether there was a comment to skip */
	boolean skip() {
		if (score == null || commentClosed) {
			return false;
		}
		commentClosed = true;
		return true;
	}

	boolean askedOf(Long customerId) {
		return this.customerId.equals(customerId);
	}

	RatingView view() {
		return new RatingView(conversationId, customerId, ticketId, handledBy, question, score, comment, askedAt,
				ratedAt);
	}

	Long conversationId() {
		return conversationId;
	}
}
