package frontdesk.telegram;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

import io.github.bucket4j.BandwidthBuilder;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/**
 * Keeps outgoing messages within Telegram's limits: about 30 per second overall, about one per second to a chat
 * (after a short burst), and 20 per minute to a group. Token buckets, on a monotonic clock: a wall clock set back
 * would hold the buckets empty until it caught up. The overall and group limits hold in every second and every minute,
 * not only on average: their buckets keep a small burst and refill the rest of the limit steadily, as a full bucket
 * refilled at the full rate would let out twice the limit in the first second or minute.
 */
final class Pacer {

	/** Chats whose buckets are remembered; a forgotten chat starts again with a full (small) burst. */
	private static final int REMEMBERED_CHATS = 10_000;

	private final TelegramSettings.OutboxSettings settings;

	private final TimeMeter time;

	private final Bucket overall;

	private final Map<Long, Bucket> chats = new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, Bucket> eldest) {
			return size() > REMEMBERED_CHATS;
		}
	};

	/**
	 * @param nanoTime a monotonic time in nanoseconds, such as {@link System#nanoTime()}
	 */
	Pacer(TelegramSettings.OutboxSettings settings, LongSupplier nanoTime) {
		this.settings = settings;
		this.time = new TimeMeter() {
			@Override
			public long currentTimeNanos() {
				return nanoTime.getAsLong();
			}

			@Override
			public boolean isWallClockBased() {
				return false;
			}
		};
		this.overall = Bucket.builder()
			.addLimit(steadily(settings.perSecond(), Duration.ofSeconds(1)))
			.withCustomTimePrecision(time)
			.build();
	}

	/**
	 * Takes a slot for the message if the limits allow one now. Everything counts against the limit over all chats;
	 * everything but the answer to a button press, which shows in no chat, counts against its chat's own limit too:
	 * an edit of a card as much as a new post.
	 * @return zero when the slot was taken, else how long until one is free
	 */
	synchronized Duration tryAcquire(OutboxMessage message) {
		Bucket chat = message.kind() == OutboxMessage.Kind.ANSWER_CALLBACK ? null
				: chats.computeIfAbsent(message.chatId(), this::chatBucket);
		long wait = Math.max(waitNanos(overall), chat == null ? 0 : waitNanos(chat));
		if (wait > 0) {
			return Duration.ofNanos(wait);
		}
		overall.tryConsume(1);
		if (chat != null) {
			chat.tryConsume(1);
		}
		return Duration.ZERO;
	}

	private static long waitNanos(Bucket bucket) {
		return bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
	}

	private Bucket chatBucket(long chatId) {
		var builder = Bucket.builder()
			.addLimit(limit -> limit.capacity(settings.perChatBurst())
				.refillGreedy(settings.perChatPerSecond(), Duration.ofSeconds(1)));
		if (isGroup(chatId)) {
			builder.addLimit(steadily(settings.perGroupPerMinute(), Duration.ofMinutes(1)));
		}
		return builder.withCustomTimePrecision(time).build();
	}

	/**
	 * A limit that holds in every span of its period: a sixth of it may go at once and the rest refills steadily (a
	 * limit of one a period refills once a period).
	 */
	private static Function<BandwidthBuilder.BandwidthBuilderCapacityStage, BandwidthBuilder.BandwidthBuilderBuildStage>
			steadily(int limit, Duration period) {
		int burst = Math.max(1, limit / 6);
		return limit - burst < 1 ? bandwidth -> bandwidth.capacity(limit).refillIntervally(limit, period)
				: bandwidth -> bandwidth.capacity(burst).refillGreedy(limit - burst, period);
	}

	/** Groups and channels have negative chat ids; private chats positive ones. */
	static boolean isGroup(long chatId) {
		return chatId < 0;
	}
}
