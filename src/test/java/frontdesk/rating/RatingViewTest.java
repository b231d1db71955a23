package frontdesk.rating;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RatingViewTest {

	private static final Instant ASKED = Instant.parse("2026-11-23T10:00:00Z");

	@Test
	void namesWhoHandledTheConversationTheSameForTheAlertAndTheConsole() {
		assertThat(view(7L, "Grace").handler()).isEqualTo("Grace");
		assertThat(view(7L, null).handler()).isEqualTo("no one: the customer asked for a person, and none answered");
		assertThat(view(null, null).handler()).isEqualTo("the bot alone");
	}

	private static RatingView view(Long ticketId, String handledBy) {
		return new RatingView(1L, 2L, ticketId, handledBy, "How would you rate this conversation?", 2, null, ASKED,
				ASKED.plusSeconds(30));
	}
}
