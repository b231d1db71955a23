package frontdesk.telegram;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A burst of customer messages into the staff group, with Telegram's real limit of about 20 messages a minute to a
 * group: every line arrives, in order, merged into a few messages.
 */
@SpringBootTest
class StaffBurstTest {

	static final long GROUP = -1009988776655L;

	static final FakeTelegram telegram = FakeTelegram.start();

	static {
		telegram.setChat(GROUP, """
				{"id": %d, "type": "supergroup", "title": "Support", "is_forum": true}""".formatted(GROUP));
	}

	@DynamicPropertySource
	static void telegram(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.telegram.token", telegram::token);
		registry.add("frontdesk.telegram.api-url", telegram::url);
		registry.add("frontdesk.telegram.poll-timeout", () -> "1s");
		registry.add("frontdesk.telegram.staff-chat-id", () -> String.valueOf(GROUP));
		registry.add("frontdesk.data-dir", () -> "./target/test-data/staff-burst-" + UUID.randomUUID());
	}

	@AfterAll
	static void stopTelegram() {
		telegram.close();
	}

	@Test
	void mergesABurstOfSixtyCustomerMessagesWithinTheGroupLimit() {
		long chat = 9_000_000_001L;
		telegram.sendText(chat, chat, "Sam", "/human");
		telegram.awaitMessage(chat, text -> text.contains("#T-"), Duration.ofSeconds(10));
		telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP, Duration.ofSeconds(10));

		List<String> lines = IntStream.rangeClosed(1, 60).mapToObj(i -> "line " + i + " of my complaint").toList();
		lines.forEach(line -> telegram.sendText(chat, chat, "Sam", line));

		await().atMost(Duration.ofSeconds(30)).until(() -> relayed().contains("Sam: line 60 of my complaint"));
		assertThat(relayed()).isEqualTo(String.join("\n", lines.stream().map(line -> "Sam: " + line).toList()));
		List<FakeTelegram.Call> posts = telegram.calls("sendMessage")
			.stream()
			.filter(call -> call.body().path("chat_id").asLong() == GROUP && call.text().startsWith("Sam: line"))
			.toList();
		assertThat(posts).hasSizeLessThanOrEqualTo(20).allMatch(call -> !call.failed());
	}

	@Test
	void mergesTwoCustomersWritingAtOnceEachIntoTheirOwnTopic() {
		long tom = 9_000_000_002L;
		long una = 9_000_000_003L;
		for (long chat : List.of(tom, una)) {
			telegram.sendText(chat, chat, chat == tom ? "Tom" : "Una", "/human");
			telegram.awaitMessage(chat, text -> text.contains("#T-"), Duration.ofSeconds(10));
		}

		for (int i = 1; i <= 20; i++) {
			telegram.sendText(tom, tom, "Tom", "tom says " + i);
			telegram.sendText(una, una, "Una", "una says " + i);
		}

		await().atMost(Duration.ofSeconds(40))
			.until(() -> relayed("Tom: tom says").contains("Tom: tom says 20") && relayed("Una: una says").contains("Una: una says 20"));
		assertThat(relayed("Tom: tom says")).isEqualTo(String.join("\n",
				IntStream.rangeClosed(1, 20).mapToObj(i -> "Tom: tom says " + i).toList()));
		assertThat(relayed("Una: una says")).isEqualTo(String.join("\n",
				IntStream.rangeClosed(1, 20).mapToObj(i -> "Una: una says " + i).toList()));
	}

	/** Everything relayed into the customer's topic, one line per customer message. */
	private static String relayed() {
		return relayed("Sam: line");
	}

	/** The relayed lines that start so, one per customer message, in the order they arrived. */
	private static String relayed(String start) {
		return String.join("\n", telegram.calls("sendMessage")
			.stream()
			.filter(call -> !call.failed() && call.body().path("chat_id").asLong() == GROUP)
			.flatMap(call -> List.of(call.text().split("\n")).stream())
			.filter(line -> line.startsWith(start))
			.toList());
	}
}
