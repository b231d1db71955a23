package frontdesk.rating;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RatingTest {

	private static final Instant ASKED = Instant.parse("2026-11-23T10:00:00Z");

	private static final Duration EXPIRES = Duration.ofDays(7);

	private static final Duration WINDOW = Duration.ofMinutes(10);

	private final Rating rating = new Rating(1L, 2L, null, null, null, "How would you rate this conversation?", ASKED);

	@Test
	void theFirstTapCountsAndLaterOnesChangeNothing() {
		assertThat(rating.rate(4, ASKED.plusSeconds(30), EXPIRES)).isEqualTo(RatingOutcome.RATED);
		assertThat(rating.rate(1, ASKED.plusSeconds(40), EXPIRES)).isEqualTo(RatingOutcome.ALREADY_RATED);

		assertThat(rating.view().score()).isEqualTo(4);
		assertThat(rating.view().ratedAt()).isEqualTo(ASKED.plusSeconds(30));
	}

	@Test
	void aQuestionOlderThanTheLimitCannotBeAnswered() {
		assertThat(rating.rate(5, ASKED.plus(EXPIRES).plusSeconds(1), EXPIRES)).isEqualTo(RatingOutcome.EXPIRED);
		assertThat(rating.view().score()).isNull();
		assertThat(rating.rate(5, ASKED.plus(EXPIRES), EXPIRES)).isEqualTo(RatingOutcome.RATED);
	}

	@Test
	void onlyOneToFiveIsARating() {
		assertThatIllegalArgumentException().isThrownBy(() -> rating.rate(0, ASKED, EXPIRES));
		assertThatIllegalArgumentException().isThrownBy(() -> rating.rate(6, ASKED, EXPIRES));
	}

	@Test
	void theNextTextWithinTheWindowIsTheComment() {
		assertThat(rating.awaitsComment(ASKED, WINDOW)).as("not rated yet").isFalse();
		Instant rated = ASKED.plusSeconds(60);
		rating.rate(2, rated, EXPIRES);

		assertThat(rating.awaitsComment(rated.plus(WINDOW).minusSeconds(1), WINDOW)).isTrue();
		assertThat(rating.awaitsComment(rated.plus(WINDOW), WINDOW)).isFalse();

		rating.comment("the parcel came late", rated.plusSeconds(5));
		assertThat(rating.awaitsComment(rated.plusSeconds(6), WINDOW)).as("one comment").isFalse();
		assertThat(rating.view().comment()).isEqualTo("the parcel came late");
	}

	@Test
	void skippingEndsTheWaitForAComment() {
		assertThat(rating.skip()).as("nothing to skip before a rating").isFalse();
		rating.rate(5, ASKED, EXPIRES);

		assertThat(rating.skip()).isTrue();
		assertThat(rating.skip()).isFalse();
		assertThat(rating.awaitsComment(ASKED.plusSeconds(1), WINDOW)).isFalse();
	}

	@Test
	void aLongCommentIsCut() {
		rating.rate(3, ASKED, EXPIRES);
		rating.comment("x".repeat(5000), ASKED);

		assertThat(rating.view().comment()).hasSize(Rating.MAX_COMMENT);
	}

	@Test
	void badMeansOneOrTwo() {
		rating.rate(2, ASKED, EXPIRES);
		assertThat(rating.view().bad()).isTrue();

		Rating good = new Rating(3L, 2L, null, null, null, "?", ASKED);
		good.rate(3, ASKED, EXPIRES);
		assertThat(good.view().bad()).isFalse();
	}
}
