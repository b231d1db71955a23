package frontdesk.telegram;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.test.context.DynamicPropertyRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What customers and staff do in the end-to-end tests: on a fake Telegram, with a staff group.
 */
public final class Scenes {

	static final Duration WAIT = Duration.ofSeconds(10);

	private static final AtomicLong staffIds = new AtomicLong(900);

	private final FakeTelegram telegram;

	private final long group;

	/** Scenes on the fake Telegram, where the staff group is a supergroup with topics. */
	public Scenes(FakeTelegram telegram, long group) {
		this.telegram = telegram;
		this.group = group;
		telegram.setChat(group, """
				{"id": %d, "type": "supergroup", "title": "Northwind support", "is_forum": true}""".formatted(group));
	}

	/**
	 * The settings of a Frontdesk on this fake Telegram with its staff group: quick polling, quick retries of failed
	 * events, Telegram's pacing of one chat and one group relaxed (the tests share one group; pacing is tested
	 * elsewhere), quiet conversations closed only when a test says so, and a data folder of its own.
	 */
	public void settings(DynamicPropertyRegistry registry, String name) {
		registry.add("frontdesk.telegram.token", telegram::token);
		registry.add("frontdesk.telegram.api-url", telegram::url);
		registry.add("frontdesk.telegram.poll-timeout", () -> "1s");
		registry.add("frontdesk.telegram.staff-chat-id", () -> String.valueOf(group));
		registry.add("frontdesk.events.retry-every", () -> "3s");
		registry.add("frontdesk.conversation.idle-check-every", () -> "1h");
		registry.add("frontdesk.telegram.outbox.per-group-per-minute", () -> "1200");
		registry.add("frontdesk.telegram.outbox.per-chat-per-second", () -> "20");
		registry.add("frontdesk.telegram.outbox.per-chat-burst", () -> "20");
		registry.add("frontdesk.data-dir", () -> "./target/test-data/" + name + "-" + UUID.randomUUID());
	}

	/** A staff member, known to the group by first name (they said hello there). */
	long staffMember(String firstName) {
		long id = staffIds.incrementAndGet();
		telegram.sendText(group, id, firstName, "morning all");
		return id;
	}

	/** The customer asks for a person; returns the id of their ticket. */
	long askForPerson(long chat, String firstName) {
		telegram.sendText(chat, chat, firstName, "/human");
		return ticketId(telegram.awaitMessage(chat, text -> text.contains("#T-"), WAIT).text());
	}

	/** The ticket's card in the staff group. */
	FakeTelegram.Call card(long ticketId) {
		return telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == group
				&& body.path("text").asText().startsWith("#T-%06d".formatted(ticketId)), WAIT);
	}

	/** The customer's topic the ticket's card went to. */
	int topic(long ticketId) {
		return card(ticketId).body().path("message_thread_id").asInt();
	}

	/** A staff member sends a command in a customer's topic; the bot's answer, which replies to it. */
	FakeTelegram.Call answerTo(int topic, long userId, String firstName, String command) {
		int sent = inTopic(topic, userId, firstName, command).path("message_id").asInt();
		return telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == group
				&& body.path("reply_to_message_id").asInt() == sent, WAIT);
	}

	/** A staff member writes in a customer's topic. */
	public ObjectNode inTopic(int topic, long userId, String firstName, String text) {
		return inTopic(topic, userId, firstName, text, topic);
	}

	/** A staff member's message in a customer's topic, to fill in and send with {@link FakeTelegram#sendUpdate}. */
	ObjectNode messageInTopic(int topic, long userId, String firstName) {
		return telegram.newTopicMessage(group, topic, userId, firstName);
	}

	/** A message of the staff group, as a message that replies to it carries it. */
	static ObjectNode groupMessage(long group, int messageId) {
		return FakeTelegram.json("""
				{"message_id": %d, "date": 1800000000, "chat": {"id": %d, "type": "supergroup", "title": "Support"}}"""
			.formatted(messageId, group)).deepCopy();
	}

	/** A staff member writes in a customer's topic, and the customer gets it, signed with their name. */
	void staffReplies(long chat, int topic, long userId, String firstName, String text) {
		inTopic(topic, userId, firstName, text);
		telegram.awaitMessage(chat, said -> said.equals(firstName + ": " + text), WAIT);
	}

	/**
	 * A staff member writes in a customer's topic, replying to a message there; as in Telegram, a message that is no
	 * reply replies to the topic's first message, whose id is the topic's.
	 */
	public ObjectNode inTopic(int topic, long userId, String firstName, String text, int replyTo) {
		ObjectNode message = messageInTopic(topic, userId, firstName);
		message.put("text", text);
		message.set("reply_to_message", groupMessage(group, replyTo));
		telegram.sendUpdate("message", message);
		return message;
	}

	/**
	 * Telegram's notice that a customer blocked the bot ({@code kicked}) or started it again ({@code member}), as a
	 * {@code my_chat_member} update.
	 */
	static String membership(long chat, String firstName, String status) {
		return """
				{"my_chat_member": {"chat": {"id": %d, "type": "private", "first_name": "%s"},
				  "from": {"id": %d, "is_bot": false, "first_name": "%s"}, "date": 1800000000,
				  "old_chat_member": {"status": "member", "user": {"id": 1, "is_bot": true, "first_name": "Frontdesk"}},
				  "new_chat_member": {"status": "%s", "user": {"id": 1, "is_bot": true, "first_name": "Frontdesk"}%s}}}"""
			.formatted(chat, firstName, chat, firstName, status, "kicked".equals(status) ? ", \"until_date\": 0" : "");
	}

	/** The text of the answer to a button press. */
	String answer(long callbackUpdate) {
		String query = telegram.callbackQueryId(callbackUpdate);
		return telegram
			.awaitCall("answerCallbackQuery", answer -> answer.path("callback_query_id").asText().equals(query), WAIT)
			.body()
			.path("text")
			.asText();
	}

	/** Whether a message into the group has the line (lines queued together go out as one message). */
	static boolean hasLine(JsonNode body, String line) {
		return List.of(body.path("text").asText().split("\n")).contains(line);
	}

	static long ticketId(String text) {
		Matcher matcher = Pattern.compile("#T-(\\d{6})").matcher(text);
		assertThat(matcher.find()).as("a ticket number in: " + text).isTrue();
		return Long.parseLong(matcher.group(1));
	}
}
