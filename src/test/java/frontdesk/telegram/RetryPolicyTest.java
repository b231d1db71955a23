package frontdesk.telegram;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.botapimethods.PartialBotApiMethod;
import org.telegram.telegrambots.meta.api.objects.ApiResponse;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

import static org.assertj.core.api.Assertions.assertThat;

class RetryPolicyTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private final RetryPolicy policy = new RetryPolicy(Duration.ofMinutes(5), Duration.ofDays(1));

	static TelegramApiRequestException error(int code, String description, Integer retryAfter) {
		ApiResponse<Object> response = ApiResponse.builder()
			.ok(false)
			.errorCode(code)
			.errorDescription(description)
			.parameters(retryAfter == null ? null : new ResponseParameters(null, retryAfter))
			.build();
		return new TelegramApiRequestException("Error sending", response);
	}

	@Test
	void waitsExactlyAsLongAsA429Says() {
		RetryPolicy.Decision decision = policy.decide(error(429, "Too Many Requests: retry after 7", 7), 1,
				Duration.ZERO, NOW, false);

		assertThat(decision).isEqualTo(RetryPolicy.Decision.retry(NOW.plusSeconds(7)));
	}

	@Test
	void waitsForATokenOrAddressTheOwnerPutsRight() {
		assertThat(policy.decide(error(401, "Unauthorized", null), 1, Duration.ZERO, NOW, false))
			.isEqualTo(RetryPolicy.Decision.retry(NOW.plusSeconds(1)));
		assertThat(policy.decide(error(404, "Not Found", null), 2, Duration.ofSeconds(1), NOW, true))
			.isEqualTo(RetryPolicy.Decision.retry(NOW.plusSeconds(2)));
		assertThat(policy.decide(error(400, "Bad Request: chat not found", null), 1, Duration.ZERO, NOW, false))
			.isEqualTo(RetryPolicy.Decision.REJECTED);
	}

	@Test
	void takesAnEditThatChangesNothingAsDone() {
		assertThat(policy.decide(error(400, "Bad Request: message is not modified: specified new message content and "
				+ "reply markup are exactly the same as a current content and reply markup of the message", null), 1,
				Duration.ZERO, NOW, true))
			.isEqualTo(RetryPolicy.Decision.UNCHANGED);
	}

	@Test
	void stopsForAUserWhoBlockedTheBot() {
		assertThat(policy.decide(error(403, "Forbidden: bot was blocked by the user", null), 1, Duration.ZERO, NOW, false))
			.isEqualTo(RetryPolicy.Decision.BLOCKED);
	}

	@Test
	void waitsForAStaffGroupThatDoesNotLetTheBotPost() {
		assertThat(policy.decide(error(403, "Forbidden: bot was kicked from the supergroup chat", null), 2,
				Duration.ofSeconds(1), NOW, true))
			.isEqualTo(RetryPolicy.Decision.retry(NOW.plusSeconds(2)));
	}

	@Test
	void waitsForAStaffGroupWhereTheBotLostItsRights() {
		assertThat(policy.decide(error(400, "Bad Request: not enough rights to send text messages to the chat", null), 1,
				Duration.ZERO, NOW, true))
			.isEqualTo(RetryPolicy.Decision.retry(NOW.plusSeconds(1)));
		assertThat(policy.decide(error(400, "Bad Request: not enough rights to send text messages to the chat", null), 1,
				Duration.ZERO, NOW, false))
			.isEqualTo(RetryPolicy.Decision.REJECTED);
	}

	@Test
	void movesAPostWhoseTopicWasDeleted() {
		assertThat(policy.decide(error(400, "Bad Request: message thread not found", null), 1, Duration.ZERO, NOW, true))
			.isEqualTo(RetryPolicy.Decision.TOPIC_DELETED);
		assertThat(policy.decide(error(400, "Bad Request: TOPIC_DELETED", null), 1, Duration.ZERO, NOW, true))
			.isEqualTo(RetryPolicy.Decision.TOPIC_DELETED);
		assertThat(policy.decide(error(400, "Bad Request: message thread not found", null), 1, Duration.ZERO, NOW, false))
			.isEqualTo(RetryPolicy.Decision.REJECTED);
	}

	@Test
	void neverRetriesARejectedRequest() {
		assertThat(policy.decide(error(400, "Bad Request: message text is empty", null), 1, Duration.ZERO, NOW, false))
			.isEqualTo(RetryPolicy.Decision.REJECTED);
	}

	@Test
	void neverRetriesARequestThatFailedValidation() {
		assertThat(policy.decide(new TelegramApiValidationException("Text can't be empty", (PartialBotApiMethod<?>) null), 1, Duration.ZERO, NOW, false))
			.isEqualTo(RetryPolicy.Decision.REJECTED);
	}

	@Test
	void backsOffAfterServerErrorsAndNetworkErrors() {
		assertThat(policy.decide(error(502, "Bad Gateway", null), 1, Duration.ZERO, NOW, false).retryAt())
			.isEqualTo(NOW.plusSeconds(1));
		assertThat(policy.decide(new TelegramApiException("connection reset"), 3, Duration.ofSeconds(3), NOW, false).retryAt())
			.isEqualTo(NOW.plusSeconds(4));
		assertThat(policy.decide(error(500, "Internal Server Error", null), 20, Duration.ofHours(1), NOW, false).retryAt())
			.isEqualTo(NOW.plus(Duration.ofMinutes(5)));
	}

	@Test
	void givesUpOnServerErrorsAfterTheLimit() {
		assertThat(policy.decide(error(500, "Internal Server Error", null), 300, Duration.ofHours(24), NOW, false))
			.isEqualTo(RetryPolicy.Decision.GAVE_UP);
	}
}
