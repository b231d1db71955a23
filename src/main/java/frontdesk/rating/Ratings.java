package frontdesk.rating;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import frontdesk.ticket.TicketView;
import frontdesk.ticket.Tickets;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rating questions and their answers: one question per closed conversation, one score per question, then an optional
 * comment. A rating of a conversation records who handled it, so the bot's ratings and the staff's can be told apart.
 */
@Service
@Transactional
public class Ratings {

	private final RatingRepository ratings;

	private final Tickets tickets;

	private final RatingSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Ratings(RatingRepository ratings, Tickets tickets, RatingSettings settings, ApplicationEventPublisher events,
			Clock clock) {
		this.ratings = ratings;
		this.tickets = tickets;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records that a closed conversation's customer is asked for a rating (once: asking again changes nothing).
	 * @param ticketId the conversation's request for a person, or {@code null}; whoever took it handled the
	 * conversation
	 * @param question the question as the customer gets it
	 */
	public void ask(Long conversationId, Long customerId, Long ticketId, String question) {
		if (ratings.findById(conversationId).isPresent()) {
			return;
		}
		Optional<TicketView> ticket = ticketId == null ? Optional.empty() : tickets.find(ticketId);
		ratings.save(new Rating(conversationId, customerId, ticketId, ticket.map(TicketView::takenBy).orElse(null),
				ticket.map(TicketView::takenById).orElse(null), question, clock.instant()));
	}

	/**
	 * A customer tapped a score: only the first tap on a question put to them, before it expires, counts.
	 * @return what the tap did, with the rating as it is now (empty when there is no such question for the customer)
	 */
	public Rated rate(Long conversationId, Long customerId, int score) {
		Optional<Rating> rating = ratings.findById(conversationId).filter(asked -> asked.askedOf(customerId));
		if (rating.isEmpty()) {
			return new Rated(RatingOutcome.NOT_ASKED, null);
		}
		RatingOutcome outcome = rating.get().rate(score, clock.instant(), settings.expiresAfter());
		RatingView view = rating.get().view();
		if (outcome == RatingOutcome.RATED) {
			events.publishEvent(new RatingGiven(view));
		}
		return new Rated(outcome, view);
	}

	/** The rating the customer's next text comments on, if it is still time for a comment. */
	@Transactional(readOnly = true)
	public Optional<RatingView> awaitingComment(Long customerId) {
		Instant now = clock.instant();
		return ratings.findByCustomerIdAndRatedAtNotNullOrderByRatedAtDesc(customerId, Limit.of(1))
			.stream()
			.filter(rating -> rating.awaitsComment(now, settings.commentWindow()))
			.map(Rating::view)
			.findFirst();
	}

	/** Stores the customer's comment on their rating. */
	public void comment(Long conversationId, String text) {
		ratings.findById(conversationId).ifPresent(rating -> {
			rating.comment(text, clock.instant());
			events.publishEvent(new RatingCommented(rating.view()));
		});
	}

	/** A customer was forgotten: their ratings keep their scores, without their words or the question asked them. */
	@Transactional
	public void forgetWordsOf(Long customerId) {
		ratings.forgetWordsOf(customerId);
	}

	/**
	 * The customer would rather not comment.
	 * @return whether there was a comment to skip
	 */
	public boolean skipComment(Long conversationId, Long customerId) {
		return ratings.findById(conversationId).filter(rating -> rating.askedOf(customerId)).map(Rating::skip)
			.orElse(false);
	}

	@Transactional(readOnly = true)
	public Optional<RatingView> find(Long conversationId) {
		return ratings.findById(conversationId).map(Rating::view);
	}

	/** The ratings given in a period. */
	@Transactional(readOnly = true)
	public RatingFigures figures(Instant from, Instant to) {
		List<Object[]> scores = ratings.scores(from, to);
		return new RatingFigures(RatingFigures.Scores.of(scores.stream().map(row -> (Integer) row[0]).toList()),
				RatingFigures.Scores.of(scores.stream().filter(row -> !(Boolean) row[1]).map(row -> (Integer) row[0]).toList()),
				RatingFigures.Scores.of(scores.stream().filter(row -> (Boolean) row[1]).map(row -> (Integer) row[0]).toList()));
	}

	/** The ratings given in a period, day by day in the given zone; days with no rating are left out. */
	@Transactional(readOnly = true)
	public List<DailyRating> perDay(Instant from, Instant to, ZoneId zone) {
		Map<LocalDate, List<Integer>> days = new TreeMap<>();
		for (Object[] row : ratings.scoresWithTimes(from, to)) {
			days.computeIfAbsent(((Instant) row[1]).atZone(zone).toLocalDate(), day -> new ArrayList<>()).add((Integer) row[0]);
		}
		return days.entrySet().stream().map(day -> new DailyRating(day.getKey(), day.getValue().size(),
				day.getValue().stream().mapToInt(Integer::intValue).average().orElse(0))).toList();
	}

	/**
	 * The result of a tap on a rating button.
	 *
	 * @param outcome what it did
	 * @param rating the rating as it is now, or {@code null} if there was no question
	 */
	public record Rated(RatingOutcome outcome, RatingView rating) {
	}
}
