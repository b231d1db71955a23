package frontdesk.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import frontdesk.intent.MessageKey;
import frontdesk.matching.Understanding;
import frontdesk.matching.Verdict;
import frontdesk.rating.RatingView;
import frontdesk.rating.Ratings;

import org.springframework.stereotype.Component;

/**
 * The rating question at the end of a conversation and what follows it: the 1 to 5 buttons, the question edited to show
 * the choice, the request for a comment with a <b>Skip</b> button, and the comment itself.
 */
@Component
class Feedback {

	/** Button data: the rating, as {@code rate:<conversation id>:<score>}. */
	static final String RATE = "rate:";

	/** Button data: no comment on the rating of the conversation whose id follows. */
	static final String SKIP = "skip:";

	private final Ratings ratings;

	private final MessageRepository messages;

	private final BotTexts texts;

	Feedback(Ratings ratings, MessageRepository messages, BotTexts texts) {
		this.ratings = ratings;
		this.messages = messages;
		this.texts = texts;
	}

	static boolean isFeedbackButton(String data) {
		return data.startsWith(RATE) || data.startsWith(SKIP);
	}

	/**
	 * The goodbye of a closed conversation, in one message with the rating question and its five buttons; the
	 * question is recorded with the conversation's request for a person, if the customer made one (a withdrawn one
	 * too: they rate the wait), so the answer can be checked against it and counted with the requests.
	 */
	Reply farewell(Conversation conversation, String goodbye, String question) {
		String text = goodbye + "\n\n" + question;
		Long request = (conversation.ticketId() != null) ? conversation.ticketId()
				: messages.findLastTicketId(conversation.id());
		ratings.ask(conversation.id(), conversation.customerId(), request, text);
		List<Reply.Button> scale = IntStream.rangeClosed(1, 5)
			.mapToObj(score -> new Reply.Button(String.valueOf(score), RATE + conversation.id() + ":" + score))
			.toList();
		return new Reply(text, scale, true);
	}

	/** A rating or Skip button: the first rating counts, and is followed by the request for a comment. */
	Response pressed(Customer customer, String data, Instant now) {
		String[] parts = data.split(":");
		Long conversationId = parts.length > 1 ? parse(parts[1]) : null;
		if (conversationId == null) {
			return notice(customer, MessageKey.STALE_BUTTON, now);
		}
		if (data.startsWith(SKIP)) {
			if (!ratings.skipComment(conversationId, customer.id())) {
				// Skip under the question the customer has answered by writing: thanked again, not told it expired
				boolean commented = ratings.find(conversationId)
					.filter(rating -> customer.id().equals(rating.customerId()) && rating.comment() != null)
					.isPresent();
				return notice(customer, commented ? MessageKey.COMMENT_SKIPPED : MessageKey.STALE_BUTTON, now);
			}
			return new Response(List.of(), texts.get(customer, MessageKey.COMMENT_SKIPPED, now),
					Reply.of(texts.get(customer, MessageKey.COMMENT_QUESTION, now)));
		}
		Long score = parts.length == 3 ? parse(parts[2]) : null;
		if (score == null || score < 1 || score > 5) {
			return notice(customer, MessageKey.STALE_BUTTON, now);
		}
		Ratings.Rated rated = ratings.rate(conversationId, customer.id(), score.intValue());
		RatingView rating = rated.rating();
		return switch (rated.outcome()) {
			case RATED -> {
				String chosen = texts.get(customer, MessageKey.RATING_CHOSEN, now, Map.of("rating", String.valueOf(score)));
				String ask = texts.get(customer, MessageKey.COMMENT_QUESTION, now);
				messages.save(Message.fromBot(conversationId, ask, null, null, now));
				yield new Response(List.of(Reply.of(ask, new Reply.Button(texts.get(customer, MessageKey.SKIP, now),
						SKIP + conversationId))), null, Reply.of(rating.question() + "\n\n" + chosen));
			}
			case ALREADY_RATED -> notice(customer, MessageKey.RATING_ALREADY, now);
			case EXPIRED -> new Response(List.of(), texts.get(customer, MessageKey.RATING_EXPIRED, now),
					Reply.of(rating.question()));
			case NOT_ASKED -> notice(customer, MessageKey.STALE_BUTTON, now);
		};
	}

	/**
	 * A text shortly after a rating: the comment on it, stored and thanked. A customer who wrote something else after
	 * the goodbye and then rated has a conversation open; their next text is still the comment, as it answers the
	 * question the bot asked last; so is the text of a customer whose rating the staff followed up with a new request.
	 * A customer who rated an earlier conversation well while waiting for (or talking with) a person writes for the
	 * staff: that text goes to the conversation. So does a question the bot can answer, asked after a good rating
	 * ("do you ship to Spain?"): the customer came back with something new, and is answered.
	 * @param open the customer's open conversation, if any
	 * @param understood what the bot knows now
	 * @return the thanks; empty when no rating waits for a comment, so the text goes to the conversation
	 */
	Optional<Response> comment(Customer customer, Inbound inbound, Optional<Conversation> open,
			Understanding.Snapshot understood, Instant now) {
		return ratings.awaitingComment(customer.id())
			.filter(rating -> open.isEmpty() || !messages.existsByConversationIdAndAuthorAndCreatedAtGreaterThan(
					open.get().id(), Message.Author.CUSTOMER, rating.ratedAt()))
			// with a request for a person open, the text is for the staff, unless it is on a bad rating: that
			// comment goes to the staff as well
			.filter(rating -> open.isEmpty() || open.get().ticketId() == null || rating.bad())
			.filter(rating -> rating.bad() || !isQuestionTheBotKnows(inbound.text(), understood))
			.map(rating -> {
				Long conversationId = rating.conversationId();
				ratings.comment(conversationId, inbound.text());
				Message comment = Message.fromCustomer(conversationId, inbound, now);
				comment.understood(Message.Outcome.FEEDBACK, null, null);
				messages.save(comment);
				String thanks = texts.get(customer, MessageKey.COMMENT_THANKS, now);
				messages.save(Message.fromBot(conversationId, thanks, null, null, now));
				return new Response(List.of(Reply.of(thanks)), null);
			});
	}

	/** A question (it asks, with a question mark) that one intent clearly answers. */
	private static boolean isQuestionTheBotKnows(String text, Understanding.Snapshot understood) {
		return text.contains("?") && understood.match(text).verdict() == Verdict.CONFIDENT;
	}

	private Response notice(Customer customer, MessageKey key, Instant now) {
		return new Response(List.of(), texts.get(customer, key, now));
	}

	private static Long parse(String number) {
		try {
			return Long.valueOf(number);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** The customer is being forgotten: their ratings keep only their scores. */
	void forget(Long customerId) {
		ratings.forgetWordsOf(customerId);
	}
}
