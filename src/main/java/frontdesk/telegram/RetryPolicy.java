package frontdesk.telegram;

import java.time.Duration;
import java.time.Instant;

import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiValidationException;

/**
 * What to do when Telegram did not take a request: wait exactly as long as a 429 says, back off after network errors
 * and server errors (up to a limit, then give up), stop at once for a user who blocked the bot, move a post whose topic
 * in the staff group was deleted, and never retry a request Telegram rejected as wrong.
 */
final class RetryPolicy {

	private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

	private final Duration maxBackoff;

	private final Duration giveUpAfter;

	RetryPolicy(Duration maxBackoff, Duration giveUpAfter) {
		this.maxBackoff = maxBackoff;
		this.giveUpAfter = giveUpAfter;
	}

	/**
	 * @param attempts the attempts made so far, the failed one included
	 * @param age how long ago the request was queued
	 * @param group whether the chat is a group: a group that does not let the bot post (it was removed, or lost
	 * its rights) is waited for, as its admins can put that right
	 */
	Decision decide(TelegramApiException error, int attempts, Duration age, Instant now, boolean group) {
		if (error instanceof TelegramApiValidationException) {
			return Decision.REJECTED;
		}
		Integer code = error instanceof TelegramApiRequestException request ? request.getErrorCode() : null;
		if (code != null && code == 429) {
			Integer retryAfter = ((TelegramApiRequestException) error).getParameters() != null
					? ((TelegramApiRequestException) error).getParameters().getRetryAfter() : null;
			return Decision.retry(now.plus(retryAfter != null ? Duration.ofSeconds(retryAfter) : backoff(attempts)));
		}
		if (code != null && code == 403 && !group) {
			return Decision.BLOCKED;
		}
		if (code != null && code == 400 && described(error, "message is not modified")) {
			return Decision.UNCHANGED;
		}
		if (code != null && code == 400 && group && topicDeleted(error)) {
			return Decision.TOPIC_DELETED;
		}
		if (code != null && code >= 400 && code < 500 && !botWide(code) && code != 403 && !(group && lostRights(error))) {
			return Decision.REJECTED;
		}
		// a server error, no answer at all (network), a token or address Telegram does not know, or a group that does
		// not let the bot post for now: each until someone puts it right
		return later(attempts, age, now);
	}

	/**
	 * Try again after a backoff, or give up once the request would be older than the limit.
	 * @param attempts the attempts made so far, the failed one included
	 * @param age how long ago the request was queued
	 */
	Decision later(int attempts, Duration age, Instant now) {
		Instant retryAt = now.plus(backoff(attempts));
		return age.plus(Duration.between(now, retryAt)).compareTo(giveUpAfter) > 0 ? Decision.GAVE_UP
				: Decision.retry(retryAt);
	}

	/**
	 * 401 (a token revoked or mistyped when it was changed) and 404 (a wrong Bot API address) are about the bot, not
	 * the message: every message would be rejected alike, and each goes out once the owner has put it right.
	 */
	private static boolean botWide(int code) {
		return code == 401 || code == 404;
	}

	/** A group where the bot lost its right to post answers 400 "not enough rights", which an admin can put right. */
	private static boolean lostRights(TelegramApiException error) {
		return described(error, "not enough rights");
	}

	/**
	 * A post into a topic that was deleted (by hand, in Telegram) is answered 400 "message thread not found" or
	 * "TOPIC_DELETED".
	 */
	private static boolean topicDeleted(TelegramApiException error) {
		return described(error, "message thread not found") || described(error, "topic_deleted");
	}

	private static boolean described(TelegramApiException error, String part) {
		String description = description(error);
		return description != null && description.toLowerCase(java.util.Locale.ROOT).contains(part);
	}

	/** Telegram's own description of the error ("Bad Request: message is too long"), or null if it gave none. */
	static String description(TelegramApiException error) {
		return error instanceof TelegramApiRequestException request ? request.getApiResponse() : null;
	}

	/** 1 s, 2 s, 4 s, ... up to the maximum. */
	Duration backoff(int attempts) {
		int doublings = Math.min(Math.max(attempts - 1, 0), 30);
		Duration backoff = FIRST_BACKOFF.multipliedBy(1L << doublings);
		return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
	}

	/**
	 * @param outcome what follows
	 * @param retryAt when to try again, for {@link Outcome#RETRY}
	 */
	record Decision(Outcome outcome, Instant retryAt) {

		static final Decision BLOCKED = new Decision(Outcome.BLOCKED, null);

		static final Decision REJECTED = new Decision(Outcome.REJECTED, null);

		static final Decision GAVE_UP = new Decision(Outcome.GAVE_UP, null);

		static final Decision TOPIC_DELETED = new Decision(Outcome.TOPIC_DELETED, null);

		static final Decision UNCHANGED = new Decision(Outcome.UNCHANGED, null);

		static Decision retry(Instant at) {
			return new Decision(Outcome.RETRY, at);
		}
	}

	enum Outcome {

		/** Try again later. */
		RETRY,

		/** The user blocked the bot: nothing more goes to them. */
		BLOCKED,

		/** Telegram refused the request itself; sending it again would not help. */
		REJECTED,

		/** The topic of the group that the post was for is gone: the post belongs in the topic that replaces it. */
		TOPIC_DELETED,

		/** An edit that changes nothing: the message says that already (made twice, say), so it is done. */
		UNCHANGED,

		/** Retried for too long. */
		GAVE_UP
	}
}
