package frontdesk.ticket;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TicketTest {

	private static final Instant REQUESTED = Instant.parse("2026-11-23T10:00:00Z");

	private static final Instant PROMISED = REQUESTED.plus(Duration.ofHours(2));

	private static final StaffMember GRACE = new StaffMember("telegram:1", "Grace");

	private static final StaffMember ALAN = new StaffMember("telegram:2", "Alan");

	private final Ticket ticket = saved(new Ticket(3L, 4L, false, REQUESTED, PROMISED));

	/** As the repository returns it, with its id. */
	private static Ticket saved(Ticket ticket) {
		ReflectionTestUtils.setField(ticket, "id", 42L);
		return ticket;
	}

	@Test
	void isNumberedForPeople() {
		assertThat(Ticket.number(42)).isEqualTo("#T-000042");
	}

	@Nested
	class Promise {

		@Test
		void isKeptByAFirstReplyAtOrBeforeThePromise() {
			ticket.staffReplied(GRACE, PROMISED, PROMISED);

			assertThat(ticket.promiseKept()).isTrue();
			assertThat(ticket.takenBy()).isEqualTo("Grace");
			assertThat(ticket.status()).isEqualTo(Ticket.Status.TAKEN);
		}

		@Test
		void isBrokenByAFirstReplyAfterThePromise() {
			ticket.staffReplied(GRACE, PROMISED.plusSeconds(1), PROMISED.plusSeconds(1));

			assertThat(ticket.promiseKept()).isFalse();
		}

		@Test
		void isDecidedByTheFirstReplyOnly() {
			ticket.staffReplied(GRACE, PROMISED.minusSeconds(60), PROMISED.minusSeconds(60));
			ticket.staffReplied(ALAN, PROMISED.plusSeconds(3600), PROMISED.plusSeconds(3600));

			assertThat(ticket.firstResponseAt()).isEqualTo(PROMISED.minusSeconds(60));
			assertThat(ticket.promiseKept()).isTrue();
			assertThat(ticket.takenBy()).isEqualTo("Grace");
		}

		@Test
		void isSettledByWhenTheReplyWasWrittenAsFarAsThatCanBeTrue() {
			Ticket late = saved(new Ticket(3L, 4L, false, REQUESTED, PROMISED));
			late.staffReplied(GRACE, PROMISED.minusSeconds(60), PROMISED.plusSeconds(300));
			Ticket skewed = saved(new Ticket(3L, 4L, false, REQUESTED, PROMISED));
			skewed.staffReplied(GRACE, REQUESTED.minusSeconds(5), REQUESTED.plusSeconds(60));
			Ticket ahead = saved(new Ticket(3L, 4L, false, REQUESTED, PROMISED));
			ahead.staffReplied(GRACE, PROMISED.plusSeconds(5), PROMISED);

			assertThat(late.firstResponseAt()).isEqualTo(PROMISED.minusSeconds(60));
			assertThat(late.promiseKept()).isTrue();
			assertThat(skewed.firstResponseAt()).isEqualTo(REQUESTED);
			assertThat(ahead.firstResponseAt()).isEqualTo(PROMISED);
			assertThat(ahead.promiseKept()).isTrue();
		}

		@Test
		void isKeptByAReplyWrittenInTimeThatArrivesAfterItWasReportedMissed() {
			ticket.miss(PROMISED.plusSeconds(30));

			ticket.staffReplied(GRACE, PROMISED.minusSeconds(60), PROMISED.plusSeconds(300));

			assertThat(ticket.promiseKept()).isTrue();
			assertThat(ticket.timeline(0).missedAt()).as("no longer said to be missed").isNull();
		}

		@Test
		void remindsOnceAndNotAfterAReply() {
			assertThat(ticket.remind(PROMISED.minusSeconds(1800))).isTrue();
			assertThat(ticket.remind(PROMISED.minusSeconds(1700))).isFalse();

			Ticket answered = saved(new Ticket(3L, 4L, false, REQUESTED, PROMISED));
			answered.staffReplied(GRACE, REQUESTED.plusSeconds(60), REQUESTED.plusSeconds(60));
			assertThat(answered.remind(PROMISED.minusSeconds(1800))).isFalse();
		}

		@Test
		void isMissedOnceWhenItPassesWithNoReply() {
			assertThat(ticket.miss(PROMISED.minusSeconds(1))).isFalse();
			assertThat(ticket.miss(PROMISED)).as("a reply now would still keep it").isFalse();
			assertThat(ticket.miss(PROMISED.plusSeconds(1))).isTrue();
			assertThat(ticket.miss(PROMISED.plusSeconds(60))).isFalse();
			assertThat(ticket.promiseKept()).isFalse();
		}

		@Test
		void isMissedByATicketThatEndsUnansweredAfterItBeforeTheWatchLooks() {
			Ticket withdrawnInTime = saved(new Ticket(3L, 4L, false, REQUESTED, PROMISED));
			withdrawnInTime.withdraw(PROMISED);
			Ticket endedLate = saved(new Ticket(3L, 4L, false, REQUESTED, PROMISED));
			endedLate.close(TicketEnded.Ending.ENDED_BY_CUSTOMER, PROMISED.plusSeconds(60));
			Ticket closedLate = saved(new Ticket(3L, 4L, false, REQUESTED, PROMISED));
			closedLate.close(GRACE, PROMISED.plusSeconds(60));

			assertThat(withdrawnInTime.promiseKept()).isNull();
			assertThat(endedLate.promiseKept()).isFalse();
			assertThat(closedLate.promiseKept()).isFalse();
		}

		@Test
		void isNoneForAFollowUpOfABadRating() {
			Ticket followUp = saved(new Ticket(3L, 4L, false, REQUESTED, PROMISED).followingUp());

			assertThat(followUp.remind(PROMISED.minusSeconds(60))).isFalse();
			assertThat(followUp.miss(PROMISED.plusSeconds(60))).isFalse();
			followUp.staffReplied(GRACE, PROMISED.plusSeconds(3600), PROMISED.plusSeconds(3600));
			followUp.close(GRACE, PROMISED.plusSeconds(7200));
			assertThat(followUp.promiseKept()).isNull();
		}
	}

	@Nested
	class Ending {

		@Test
		void aWithdrawnTicketCannotBeTakenOrClosed() {
			ticket.withdraw(REQUESTED.plusSeconds(60));

			assertThat(ticket.isOpen()).isFalse();
			assertThatIllegalStateException().isThrownBy(() -> ticket.take(GRACE, PROMISED));
			assertThatIllegalStateException().isThrownBy(() -> ticket.close(GRACE, PROMISED));
			assertThat(ticket.miss(PROMISED)).isFalse();
		}

		@Test
		void keepsWhoClosedItWhoMayNotBeWhoTookIt() {
			ticket.take(GRACE, REQUESTED.plusSeconds(60));
			ticket.close(ALAN, REQUESTED.plusSeconds(120));

			assertThat(ticket.timeline(0).closedBy()).isEqualTo("Alan");
			assertThat(ticket.timeline(0).ticket().takenBy()).isEqualTo("Grace");
		}

		@Test
		void aSecondTakeLeavesItWithTheFirst() {
			ticket.take(GRACE, REQUESTED.plusSeconds(60));
			ticket.take(ALAN, REQUESTED.plusSeconds(120));

			assertThat(ticket.takenBy()).isEqualTo("Grace");
		}
	}
}
