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
		void closesOnceWithReasonAndEvent() {
			conversation.close(CloseReason.CUSTOMER, NOW);

			assertThat(conversation.isOpen()).isFalse();
			assertThat(conversation.closedAt()).isEqualTo(NOW);
			assertThat(conversation.closeReason()).isEqualTo(CloseReason.CUSTOMER);
			assertThat(conversation.events()).singleElement()
				.isEqualTo(new ConversationClosed(null, 7L, CloseReason.CUSTOMER, NOW));
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
}
