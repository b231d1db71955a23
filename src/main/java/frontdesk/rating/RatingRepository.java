package frontdesk.rating;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface RatingRepository extends Repository<Rating, Long> {

	Rating save(Rating rating);

	Optional<Rating> findById(Long conversationId);

	/** The customer's latest rated conversations, newest first. */
	List<Rating> findByCustomerIdAndRatedAtNotNullOrderByRatedAtDesc(Long customerId, Limit limit);

	/**
	 * Ratings given in a period, as {@code [score, a person was asked for]} pairs: a customer who asked for a person
	 * and gave up waiting did not rate the bot alone.
	 */
	@Query("""
			select r.score, case when r.ticketId is null then false else true end from Rating r
			where r.ratedAt >= :from and r.ratedAt < :to""")
	List<Object[]> scores(Instant from, Instant to);

	/** Ratings given in a period, as {@code [score, rated at]} pairs. */
	@Query("select r.score, r.ratedAt from Rating r where r.ratedAt >= :from and r.ratedAt < :to")
	List<Object[]> scoresWithTimes(Instant from, Instant to);

	/** Erases what a customer wrote and was asked in their ratings, keeping the scores for the figures. */
	@Modifying
	@Query("""
			update Rating r set r.comment = null, r.question = '', r.version = r.version + 1
			where r.customerId = :customerId""")
	int forgetWordsOf(Long customerId);
}
