package frontdesk.conversation;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ConversationTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private final Conversation conversation = new Conversation(7L, NOW);

	@Nested
	class WithTheBot {

		@Test
		void startsWithTheBot() {
			assertThat(conversation.state()).isEqualTo(Conversation.State.WITH_BOT);
			assertThat(conversation.isOpen()).isTrue();
		}

		@Test
		void offersAPersonAfterTwoMissesInARow() {
			assertThat(conversation.missed()).isFalse();
			assertThat(conversation.missed()).isTrue();
		}

		@Test
		void anAnswerResetsTheMisses() {
			conversation.missed();
			conversation.answered();

			assertThat(conversation.missed()).isFalse();
			assertThat(conversation.answeredCount()).isEqualTo(1);
		}
	}

	@Nested
	class Handoff {

		@Test
		void requestingAPersonWaitsForOneWithTheTicket() {
			conversation.requestPerson(9L);

			assertThat(conversation.state()).isEqualTo(Conversation.State.WAITING_FOR_PERSON);
			assertThat(conversation.ticketId()).isEqualTo(9L);
		}

		@Test
		void acknowledgesMessagesWhileWaitingAtMostOnceEveryFewMinutes() {
			Duration every = Duration.ofMinutes(5);
			conversation.requestPerson(9L);

			assertThat(conversation.acknowledgeWhileWaiting(NOW.plusSeconds(10), every)).isTrue();
			assertThat(conversation.acknowledgeWhileWaiting(NOW.plusSeconds(20), every)).isFalse();
			assertThat(conversation.acknowledgeWhileWaiting(NOW.plusSeconds(10 + 300), every)).isTrue();
		}

		@Test
		void withdrawingTheRequestGoesBackToTheBot() {
			conversation.requestPerson(9L);

			conversation.withdrawRequest();

			assertThat(conversation.state()).isEqualTo(Conversation.State.WITH_BOT);
			assertThat(conversation.ticketId()).isNull();
			assertThatIllegalStateException().isThrownBy(conversation::withdrawRequest);
		}

		@Test
		void askingAgainKeepsTheTicket() {
			conversation.requestPerson(9L);
			conversation.requestPerson(10L);

			assertThat(conversation.ticketId()).isEqualTo(9L);
		}
	}

	@Nested
	class Closing {

		@Test
		void closesOnceWithReason() {
			conversation.close(CloseReason.CUSTOMER, NOW);

			assertThat(conversation.isOpen()).isFalse();
			assertThat(conversation.closedAt()).isEqualTo(NOW);
			assertThat(conversation.closeReason()).isEqualTo(CloseReason.CUSTOMER);
		}

		@Test
		void refusesEverythingOnceClosed() {
			conversation.close(CloseReason.CUSTOMER, NOW);

			assertThatIllegalStateException().isThrownBy(() -> conversation.close(CloseReason.STAFF, NOW));
			assertThatIllegalStateException().isThrownBy(() -> conversation.customerWrote(NOW));
			assertThatIllegalStateException().isThrownBy(conversation::answered);
			assertThatIllegalStateException().isThrownBy(() -> conversation.requestPerson(9L));
		}
	}

	@Nested
	class GoingQuiet {

		private final Duration idle = Duration.ofMinutes(30);

		private final Duration staffIdle = Duration.ofDays(1);

		@Test
		void withTheBotClosesAfterTheIdleTimeoutWithNoCustomerMessage() {
			conversation.customerWrote(NOW.plus(Duration.ofMinutes(10)));

			assertThat(conversation.idle(NOW.plus(Duration.ofMinutes(39)), idle, staffIdle)).isFalse();
			assertThat(conversation.idle(NOW.plus(Duration.ofMinutes(40)), idle, staffIdle)).isTrue();
		}

		@Test
		void aCustomerWaitingForAPersonIsNeverClosedForBeingQuiet() {
			conversation.requestPerson(9L);

			assertThat(conversation.idle(NOW.plus(Duration.ofDays(30)), idle, staffIdle)).isFalse();
		}

		@Test
		void aCustomerWhoseRequestWasTakenButNotYetAnsweredIsNeverClosedForBeingQuiet() {
			conversation.requestPerson(9L);
			conversation.personTook(NOW);

			assertThat(conversation.idle(NOW.plus(Duration.ofDays(30)), idle, staffIdle)).isFalse();
		}

		@Test
		void aFollowUpTheStaffOpenedAndTookGoesQuietFromWhenItWasTaken() {
			Conversation followUp = new Conversation(7L, NOW).openedForFollowUp();
			followUp.requestPerson(9L);
			followUp.personTook(NOW.plus(Duration.ofHours(1)));

			assertThat(followUp.idle(NOW.plus(Duration.ofHours(24)), idle, staffIdle)).isFalse();
			assertThat(followUp.idle(NOW.plus(Duration.ofHours(25)), idle, staffIdle)).isTrue();
		}

		@Test
		void heldByAPersonClosesAfterTheStaffIdleTimeoutWithNoMessageFromEitherSide() {
			conversation.requestPerson(9L);
			conversation.personAnswered(NOW.plus(Duration.ofHours(5)));

			assertThat(conversation.idle(NOW.plus(Duration.ofHours(28)), idle, staffIdle)).isFalse();
			assertThat(conversation.idle(NOW.plus(Duration.ofHours(29)), idle, staffIdle)).isTrue();

			conversation.customerWrote(NOW.plus(Duration.ofHours(10)));
			assertThat(conversation.idle(NOW.plus(Duration.ofHours(29)), idle, staffIdle)).isFalse();
			assertThat(conversation.idle(NOW.plus(Duration.ofHours(34)), idle, staffIdle)).isTrue();
		}

		@Test
		void aClosedConversationIsNotClosedAgain() {
			conversation.close(CloseReason.CUSTOMER, NOW);

			assertThat(conversation.idle(NOW.plus(Duration.ofDays(2)), idle, staffIdle)).isFalse();
			assertThatIllegalStateException().isThrownBy(() -> conversation.close(CloseReason.IDLE, NOW));
		}

		@Test
		void offersToEndAfterTheBotAnsweredTwoQuestions() {
			conversation.answered();
			assertThat(conversation.offerToEnd()).isFalse();

			conversation.answered();
			assertThat(conversation.offerToEnd()).isTrue();
		}
	}
}
