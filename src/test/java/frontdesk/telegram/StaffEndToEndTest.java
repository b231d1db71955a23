package frontdesk.telegram;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import frontdesk.CompletedEvents;
import frontdesk.ScratchIntents;
import frontdesk.SettableClock;
import frontdesk.conversation.ConversationService;
import frontdesk.conversation.CustomerWrote;
import frontdesk.staff.StaffDesk;
import frontdesk.ticket.PromiseReminderDue;
import frontdesk.ticket.PromiseWatch;
import frontdesk.ticket.TicketView;
import frontdesk.ticket.Tickets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The staff group on Telegram: a topic per customer and a card per ticket, with a Take button only staff can use.
 */
@SpringBootTest
@Import(StaffEndToEndTest.Beans.class)
class StaffEndToEndTest {

	static final SettableClock clock = new SettableClock();

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	PromiseWatch watch;

	@Autowired
	StaffDesk desk;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Tickets tickets;

	@Autowired
	ConversationService conversations;

	@Autowired
	BotName botName;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	CompletedEvents completedEvents;

	/** The chat whose next lookup of a message to reply to fails, as a database timing out would; 0 for none. */
	static final AtomicLong pairLookupFailsFor = new AtomicLong();

	static final Duration WAIT = Duration.ofSeconds(10);

	static final long GROUP = -1002003004005L;

	static final FakeTelegram telegram = FakeTelegram.start().dated(clock);

	private static final AtomicLong chats = new AtomicLong(8_000_000_000L);

	static final Scenes scenes = new Scenes(telegram, GROUP);

	/** The shipped intents, copied: staff teach the bot here. */
	static final Path INTENTS = ScratchIntents.copyOfShipped("staff-e2e-intents");

	@DynamicPropertySource
	static void telegram(DynamicPropertyRegistry registry) {
		scenes.settings(registry, "staff-e2e");
		registry.add("frontdesk.intents.dir", INTENTS::toString);
	}

	@AfterAll
	static void stopTelegram() {
		telegram.close();
	}

	@Test
	void theStaffGroupGetsFrontdesksCommandsAsItsMenuAtStartUp() {
		FakeTelegram.Call menu = telegram.awaitCall("setMyCommands",
				body -> body.path("scope").path("chat_id").asLong() == GROUP, WAIT);

		assertThat(menu.body().path("commands").findValuesAsText("command")).contains("take", "answer", "close");
	}

	@Test
	void opensATopicForTheCustomerWithTheTicketsCard() {
		long chat = chats.incrementAndGet();
		telegram.sendText(chat, chat, "Ada", "my parcel never came");
		telegram.awaitMessage(chat, text -> true, WAIT);
		long ticket = scenes.askForPerson(chat, "Ada");

		FakeTelegram.Call topic = telegram.awaitCall("createForumTopic",
				body -> body.path("chat_id").asLong() == GROUP && body.path("name").asText().startsWith("Ada (…"), WAIT);
		FakeTelegram.Call card = scenes.card(ticket);

		assertThat(card.body().path("message_thread_id").asInt()).isEqualTo(topic.result().path("message_thread_id").asInt());
		assertThat(card.text()).contains("Customer: Ada")
			.containsPattern("after hours|in hours")
			.contains("Promised by")
			.contains("Ada: my parcel never came")
			.contains("Ada: /human");
		assertThat(card.body().path("reply_markup").findValuesAsText("callback_data"))
			.containsExactly("take:" + ticket, "close:" + ticket);
	}

	@Test
	void reusesTheCustomersTopicForTheirNextRequest() {
		long chat = chats.incrementAndGet();
		long first = scenes.askForPerson(chat, "Bea");
		scenes.card(first);
		telegram.sendCallback(chat, chat, "withdraw:" + first, 1);
		telegram.awaitMessage(chat, text -> text.contains("cancelled"), WAIT);

		telegram.sendText(chat, chat, "Bea", "/human");
		long second = Scenes.ticketId(telegram.awaitMessage(chat, text -> text.contains("#T-") && !text.contains("cancelled")
				&& Scenes.ticketId(text) != first, WAIT).text());

		scenes.card(second);
		assertThat(telegram.calls("createForumTopic").stream().filter(call -> call.body().path("name").asText().startsWith("Bea (…")))
			.hasSize(1);
	}

	@Test
	void postsTheCardOnceTelegramIsBackAfterAFailure() {
		long chat = chats.incrementAndGet();
		telegram.failNext("createForumTopic", 1, 502, "Bad Gateway");
		long ticket = scenes.askForPerson(chat, "Eve");

		scenes.card(ticket);

		assertThat(telegram.calls("sendMessage").stream().filter(call -> call.body().path("chat_id").asLong() == GROUP
				&& call.text().startsWith("#T-%06d".formatted(ticket)))).hasSize(1);
	}

	@Test
	void aCardThatFailedMoreOftenThanTheLinesAfterItStillComesFirstOnceTelegramIsBack() {
		long chat = chats.incrementAndGet();
		telegram.failAlways("createForumTopic", 400, "Bad Request: the group is being upgraded");
		long ticket = scenes.askForPerson(chat, "Ivy");
		// the card has failed three times (two retries of its event failed too, so the next waits longer) before the
		// customer adds a line
		await().atMost(Duration.ofSeconds(30)).until(() -> telegram.calls("createForumTopic").stream()
			.filter(FakeTelegram.Call::failed)
			.count() >= 3);
		telegram.sendText(chat, chat, "Ivy", "it's about order 5521");
		await().atMost(WAIT).until(() -> telegram.calls("createForumTopic").stream().filter(FakeTelegram.Call::failed)
			.count() >= 4);
		telegram.clearFailures();

		int topic = scenes.topic(ticket);
		FakeTelegram.Call line = awaitLine(topic, "Ivy: it's about order 5521");
		assertThat(scenes.card(ticket).at()).isBefore(line.at());
	}

	@Test
	void whatEventsPostedIsNotPostedAgainWhenTheyComeAgainAfterARestart() {
		long chat = chats.incrementAndGet();
		long ticket = scenes.askForPerson(chat, "Nell");
		int topic = scenes.topic(ticket);
		telegram.sendText(chat, chat, "Nell", "the box came crushed");
		awaitLine(topic, "Nell: the box came crushed");
		String hers = "%\"customerId\":" + tickets.find(ticket).orElseThrow().customerId() + ",%";
		await().atMost(WAIT).until(() -> incompleteEvents(hers) == 0);

		// handled, but Frontdesk stopped before their events were recorded as handled: they come again on the restart
		List<UUID> again = jdbc.queryForList("select id from event_publication where serialized_event like ?", UUID.class,
				hers);
		assertThat(again).hasSizeGreaterThanOrEqualTo(2);
		jdbc.update("update event_publication set completion_date = null, status = 'PROCESSING'"
				+ " where serialized_event like ?", hers);
		incomplete.resubmitIncompletePublications(publication -> again.contains(publication.getIdentifier()));
		await().atMost(WAIT).until(() -> incompleteEvents(hers) == 0);
		// what the group is sent goes out in order: anything posted again would come before this
		telegram.sendText(chat, chat, "Nell", "photos to follow");
		awaitLine(topic, "Nell: photos to follow");

		assertThat(telegram.calls("sendMessage").stream().filter(call -> call.body().path("chat_id").asLong() == GROUP
				&& call.text().startsWith("#T-%06d".formatted(ticket)))).hasSize(1);
		assertThat(telegram.calls("sendMessage").stream().filter(call -> call.body().path("message_thread_id").asInt() == topic
				&& Scenes.hasLine(call.body(), "Nell: the box came crushed"))).hasSize(1);
	}

	@Test
	void handledEventsAreForgottenAfterAWeekAndEventsNotYetHandledAreKept() {
		Instant now = clock.instant();
		UUID old = storedEvent(now.minus(Duration.ofDays(8)), true);
		UUID recent = storedEvent(now.minus(Duration.ofDays(6)), true);
		UUID waiting = storedEvent(now.minus(Duration.ofDays(30)), false);

		try {
			completedEvents.forgetOld();

			assertThat(jdbc.queryForList("select id from event_publication where id in (?, ?, ?)", UUID.class, old,
					recent, waiting)).containsExactlyInAnyOrder(recent, waiting);
		}
		finally {
			jdbc.update("delete from event_publication where id in (?, ?, ?)", old, recent, waiting);
		}
	}

	/** An event as the event registry stores it, handled or not, for a listener no longer there. */
	private UUID storedEvent(Instant at, boolean handled) {
		UUID id = UUID.randomUUID();
		jdbc.update("""
				insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
				  completion_date, status, completion_attempts)
				values (?, 'frontdesk.Gone.on(frontdesk.Gone$Event)', 'frontdesk.Gone$Event', '{}', ?, ?, ?, 1)""", id,
				Timestamp.from(at), handled ? Timestamp.from(at) : null, handled ? "COMPLETED" : "PUBLISHED");
		return id;
	}

	/** Every text column of every table that holds the words somewhere, as {@code table.column}. */
	private List<String> columnsSaying(String words) {
		return jdbc.queryForList("""
				select table_name, column_name from information_schema.columns
				where table_schema = 'PUBLIC' and data_type in ('CHARACTER VARYING', 'CHARACTER LARGE OBJECT')""")
			.stream()
			.map(column -> column.get("TABLE_NAME") + "." + column.get("COLUMN_NAME"))
			.filter(column -> jdbc.queryForObject("select count(*) from \"" + column.substring(0, column.indexOf('.'))
					+ "\" where locate(?, \"" + column.substring(column.indexOf('.') + 1) + "\") > 0", Long.class, words) > 0)
			.toList();
	}

	private long completedEventsSaying(String words) {
		return jdbc.queryForObject("select count(*) from event_publication where completion_date is not null"
				+ " and serialized_event like ?", Long.class, "%" + words + "%");
	}

	private long incompleteEvents(String serializedLike) {
		return jdbc.queryForObject("select count(*) from event_publication where completion_date is null"
				+ " and serialized_event like ?", Long.class, serializedLike);
	}

	@Test
	void takeMarksTheCardAndTellsASecondTakerWhoHasIt() {
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		long alan = scenes.staffMember("Alan");
		long ticket = scenes.askForPerson(chat, "Cy");
		int cardId = scenes.card(ticket).result().path("message_id").asInt();

		long graceTakes = telegram.sendCallback(GROUP, grace, "take:" + ticket, cardId);
		assertThat(scenes.answer(graceTakes)).startsWith("It's yours.");
		FakeTelegram.Call edit = telegram.awaitCall("editMessageText",
				body -> body.path("chat_id").asLong() == GROUP && body.path("message_id").asInt() == cardId, WAIT);
		assertThat(edit.text()).contains("Taken by Grace");
		assertThat(edit.body().path("reply_markup").findValuesAsText("text")).containsExactly("Take over", "Close");
		assertThat(edit.body().path("reply_markup").findValuesAsText("callback_data"))
			.containsExactly("take:" + ticket, "close:" + ticket);

		long alanTakes = telegram.sendCallback(GROUP, alan, "take:" + ticket, cardId);
		assertThat(scenes.answer(alanTakes))
			.isEqualTo("Grace already has this one. Take it again within a minute to take it over.");

		int before = telegram.sentTexts(chat).size();
		telegram.sendText(chat, chat, "Cy", "how much does delivery cost?");
		telegram.assertNoCall("sendMessage", body -> body.path("chat_id").asLong() == chat
				&& telegram.sentTexts(chat).size() > before, Duration.ofSeconds(2));
	}

	@Test
	void aSecondTakeWithinAMinuteTakesOverARequestAColleagueHasAndTheTopicSaysSo() {
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		long alan = scenes.staffMember("Alan");
		long ticket = scenes.askForPerson(chat, "Eli");
		FakeTelegram.Call card = scenes.card(ticket);
		int topic = card.body().path("message_thread_id").asInt();
		int cardId = card.result().path("message_id").asInt();
		scenes.staffReplies(chat, topic, grace, "Grace", "Hi Eli, Grace here");
		String again = "Grace already has this one. Take it again within a minute to take it over.";
		clock.freeze(clock.instant());
		try {
			assertThat(scenes.answerTo(topic, alan, "Alan", "/take").text()).isEqualTo(again);
			assertThat(scenes.answer(telegram.sendCallback(GROUP, alan, "take:" + ticket, cardId)))
				.as("the same tap twice").isEqualTo(again);
			clock.advance(Duration.ofSeconds(5));
			assertThat(scenes.answer(telegram.sendCallback(GROUP, alan, "take:" + ticket, cardId)))
				.isEqualTo("It's yours now.");
		}
		finally {
			clock.set(clock.instant());
		}

		FakeTelegram.Call said = groupPost("Alan has taken this request over from Grace.");
		assertThat(said.body().path("message_thread_id").asInt()).isEqualTo(topic);
		assertThat(said.body().path("reply_to_message_id").asInt()).isEqualTo(cardId);
		telegram.awaitCall("editMessageText", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("message_id").asInt() == cardId && body.path("text").asText().contains("Taken by Alan"), WAIT);
		assertThat(tickets.find(ticket).orElseThrow().takenBy()).isEqualTo("Alan");
		assertThat(scenes.answerTo(topic, grace, "Grace", "/take").text()).startsWith("Alan already has this one.");
	}

	@Test
	void anEditThatTelegramFindsChangesNothingIsDoneNotFailed() {
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		long ticket = scenes.askForPerson(chat, "Dot");
		int cardId = scenes.card(ticket).result().path("message_id").asInt();
		telegram.failNext("editMessageText", 1, 400, "Bad Request: message is not modified: specified new message "
				+ "content and reply markup are exactly the same as a current content and reply markup of the message");

		assertThat(scenes.answer(telegram.sendCallback(GROUP, grace, "take:" + ticket, cardId))).startsWith("It's yours.");

		// done, and not kept as an error (the edit may have waited a moment for the card's send to be recorded)
		await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.queryForList("select status || ' ' || coalesce(last_error, "
				+ "'') from telegram_outbox where kind = 'EDIT_MESSAGE' and text like '%Customer: Dot%Taken by Grace%'",
				String.class)).singleElement().asString().startsWith("SENT ").doesNotContain("not modified"));
		assertThat(telegram.calls()).filteredOn(call -> call.is("editMessageText")
				&& call.body().path("message_id").asInt() == cardId && call.body().path("chat_id").asLong() == GROUP)
			.singleElement()
			.extracting(FakeTelegram.Call::status)
			.isEqualTo(400);
	}

	@Test
	void tellsApartTwoStaffWithTheSameFirstName() {
		long chat = chats.incrementAndGet();
		long anna = scenes.staffMember("Anna");
		long otherAnna = scenes.staffMember("Anna");
		long ticket = scenes.askForPerson(chat, "Vic");
		int cardId = scenes.card(ticket).result().path("message_id").asInt();

		assertThat(scenes.answer(telegram.sendCallback(GROUP, anna, "take:" + ticket, cardId))).startsWith("It's yours.");
		assertThat(scenes.answer(telegram.sendCallback(GROUP, otherAnna, "take:" + ticket, cardId)))
			.startsWith("Anna already has this one.");
	}

	@Test
	void aStaffButtonPressedOutsideTheStaffGroupChangesNothing() {
		long chat = chats.incrementAndGet();
		long ticket = scenes.askForPerson(chat, "Dee");
		scenes.card(ticket);

		long forged = telegram.sendCallback(chat, chat, "take:" + ticket, 1);

		assertThat(scenes.answer(forged)).isEqualTo("That button isn't for you.");
		telegram.assertNoCall("editMessageText", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("text").asText().startsWith("#T-%06d".formatted(ticket)), Duration.ofSeconds(1));
	}

	@Test
	void aStaffReplyReachesTheCustomerTakesTheTicketAndQuietensTheBot() {
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		long ticket = scenes.askForPerson(chat, "Fay");
		FakeTelegram.Call card = scenes.card(ticket);
		int topic = card.body().path("message_thread_id").asInt();

		scenes.inTopic(topic, grace, "Grace", "Hi Fay, I'm looking into it now");

		telegram.awaitMessage(chat, text -> text.equals("Grace: Hi Fay, I'm looking into it now"), WAIT);
		telegram.awaitCall("editMessageText", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("message_id").asInt() == card.result().path("message_id").asInt()
				&& body.path("text").asText().contains("Taken by Grace")
				&& body.path("text").asText().endsWith("Hi Fay, I'm looking into it now"), WAIT);
		int before = telegram.sentTexts(chat).size();
		telegram.sendText(chat, chat, "Fay", "how much does delivery cost?");
		telegram.assertNoCall("sendMessage", body -> body.path("chat_id").asLong() == chat
				&& telegram.sentTexts(chat).size() > before, Duration.ofSeconds(2));
	}

	@Test
	void aStaffReplyWrittenBeforeThePromiseKeepsItThoughFrontdeskHandlesItAfterwards() {
		clock.set(london("2026-11-24T10:00"));
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		long ticket = scenes.askForPerson(chat, "Ola");
		int topic = scenes.topic(ticket);

		// Frontdesk was down at noon: Telegram kept Grace's reply of 11:59 and hands it over at 12:05
		clock.set(london("2026-11-24T12:05"));
		ObjectNode reply = scenes.messageInTopic(topic, grace, "Grace");
		reply.put("date", london("2026-11-24T11:59").getEpochSecond());
		reply.put("text", "Hi Ola, on it");
		telegram.sendUpdate("message", reply);

		telegram.awaitMessage(chat, text -> text.equals("Grace: Hi Ola, on it"), WAIT);
		assertThat(jdbc.queryForObject("select first_response_at from ticket where id = ?", Timestamp.class, ticket)
			.toInstant()).isEqualTo(london("2026-11-24T11:59"));
		assertThat(jdbc.queryForObject("select promise_kept from ticket where id = ?", Boolean.class, ticket)).isTrue();
	}

	@Test
	void aPhotoFromStaffReachesTheCustomer() {
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		long ticket = scenes.askForPerson(chat, "Ray");
		int topic = scenes.topic(ticket);

		var photo = scenes.messageInTopic(topic, grace, "Grace");
		photo.set("photo", FakeTelegram.json("[{\"file_id\":\"p2\",\"file_unique_id\":\"u2\",\"width\":90,\"height\":90}]"));
		photo.put("caption", "this is the label to print");
		telegram.sendUpdate("message", photo);

		FakeTelegram.Call copy = telegram.awaitCall("copyMessage", body -> body.path("chat_id").asLong() == chat, WAIT);
		assertThat(copy.body().path("from_chat_id").asLong()).isEqualTo(GROUP);
		assertThat(copy.body().path("message_id").asInt()).isEqualTo(photo.path("message_id").asInt());
		assertThat(copy.body().path("caption").asText()).isEqualTo("Grace: this is the label to print");
	}

	@Test
	void aStickerFromStaffReachesTheCustomerWithoutACaptionItCannotCarry() {
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		long ticket = scenes.askForPerson(chat, "Sid");
		int topic = scenes.topic(ticket);

		var sticker = scenes.messageInTopic(topic, grace, "Grace");
		sticker.set("sticker", FakeTelegram.json("{\"file_id\":\"s1\",\"file_unique_id\":\"u3\",\"type\":\"regular\","
				+ "\"width\":512,\"height\":512,\"is_animated\":false,\"is_video\":false}"));
		telegram.sendUpdate("message", sticker);

		FakeTelegram.Call copy = telegram.awaitCall("copyMessage", body -> body.path("chat_id").asLong() == chat, WAIT);
		assertThat(copy.body().path("message_id").asInt()).isEqualTo(sticker.path("message_id").asInt());
		assertThat(copy.body().has("caption")).isFalse();
	}

	@Test
	void keepsNotesForColleaguesOutOfTheCustomersChat() {
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		long ticket = scenes.askForPerson(chat, "Gus");
		int topic = scenes.topic(ticket);

		scenes.inTopic(topic, grace, "Grace", "#note check the warehouse first");
		scenes.inTopic(topic, grace, "Grace", "// Bob knows this one");
		scenes.inTopic(topic, grace, "Grace", "Hello Gus!");

		telegram.awaitMessage(chat, text -> text.equals("Grace: Hello Gus!"), WAIT);
		assertThat(telegram.sentTexts(chat)).noneMatch(text -> text.contains("warehouse") || text.contains("Bob"));
	}

	@Test
	void takeInTheTopicWorksLikeTheButtonAlsoCapitalisedByAPhone() {
		long chat = chats.incrementAndGet();
		long hal = scenes.staffMember("Hal");
		long ticket = scenes.askForPerson(chat, "Ida");
		int topic = scenes.topic(ticket);

		FakeTelegram.Call note = scenes.answerTo(topic, hal, "Hal", "/Take");

		assertThat(note.body().path("message_thread_id").asInt()).isEqualTo(topic);
		assertThat(note.text()).startsWith("It's yours.");
		assertThat(telegram.sentTexts(chat)).noneMatch(text -> text.contains("/Take"));
	}

	@Test
	void anotherCommandInATopicIsNotSentToTheCustomer() {
		long chat = chats.incrementAndGet();
		long alan = scenes.staffMember("Alan");
		long ticket = scenes.askForPerson(chat, "Dee");
		int topic = scenes.topic(ticket);

		FakeTelegram.Call note = scenes.answerTo(topic, alan, "Alan", "/help");
		scenes.inTopic(topic, alan, "Alan", "Hi Dee, Alan here");

		telegram.awaitMessage(chat, text -> text.equals("Alan: Hi Dee, Alan here"), WAIT);
		assertThat(note.body().path("message_thread_id").asInt()).isEqualTo(topic);
		assertThat(note.text()).startsWith("Not sent: /help");
		assertThat(telegram.sentTexts(chat)).noneMatch(text -> text.contains("/help"));
	}

	@Test
	void aForgottenCustomersTopicIsDeletedAndWhatWasSentThemIsForgottenToo() {
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		long ticket = scenes.askForPerson(chat, "Pia");
		int topic = scenes.topic(ticket);
		telegram.sendText(chat, chat, "Pia", "it is parcel 55123");
		await().atMost(WAIT).until(() -> completedEventsSaying("55123") == 1);
		scenes.staffReplies(chat, topic, grace, "Grace", "Hi Pia, your parcel is at the depot");
		scenes.inTopic(topic, grace, "Grace", "/close");
		telegram.awaitMessage(chat, text -> text.contains("How would you rate"), WAIT);
		long customer = tickets.find(ticket).orElseThrow().customerId();
		await().atMost(WAIT).until(() -> jdbc.queryForObject("select count(*) from telegram_outbox where status = "
				+ "'PENDING' and (chat_id = ? or message_thread_id = ?)", Long.class, chat, topic) == 0);

		Optional<String> left = transactions.execute(status -> {
			conversations.forget(customer);
			return desk.forgetTopicOf(customer);
		});

		assertThat(left).isEmpty();
		telegram.awaitCall("deleteForumTopic", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("message_thread_id").asInt() == topic, WAIT);
		assertThat(jdbc.queryForObject("select count(*) from telegram_outbox where chat_id = ? or (chat_id = ? and "
				+ "message_thread_id = ?)", Long.class, chat, GROUP, topic)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from telegram_sent_message where chat_id = ?", Long.class, chat))
			.isZero();
		assertThat(jdbc.queryForObject("select count(*) from staff_topic where customer_id = ?", Long.class, customer))
			.isZero();
		assertThat(completedEventsSaying("55123")).as("handled events that held their words").isZero();
		assertThat(columnsSaying("55123")).as("their words").isEmpty();
		String title = telegram.calls("createForumTopic")
			.stream()
			.filter(call -> call.result().path("message_thread_id").asInt() == topic)
			.findFirst()
			.orElseThrow()
			.body()
			.path("name")
			.asText();
		assertThat(columnsSaying(title)).as("their topic's title, " + title).isEmpty();
		assertThat(columnsSaying(String.valueOf(chat))).as("their chat").isEmpty();

		// an event of theirs still waiting when they were forgotten (say for Telegram to be back) posts nothing
		int topicsOpened = telegram.calls("createForumTopic").size();
		transactions.executeWithoutResult(status -> events.publishEvent(new CustomerWrote(null, customer, ticket,
				"it is parcel 55123, again", null, "77", null, false, null, clock.instant())));
		telegram.assertNoCall("sendMessage", body -> body.path("text").asText().contains("parcel 55123, again"),
				Duration.ofSeconds(2));
		assertThat(telegram.calls("createForumTopic")).hasSize(topicsOpened);

		// writing again, they are someone new, with a topic of their own
		telegram.sendText(chat, chat, "Pia", "/human");
		String number = "#T-%06d".formatted(ticket);
		long again = Long.parseLong(telegram.awaitMessage(chat, text -> text.contains("#T-") && !text.contains(number),
				WAIT).text().replaceAll("(?s).*#T-(\\d+).*", "$1"));
		assertThat(tickets.find(again).orElseThrow().customerId()).isNotEqualTo(customer);
		assertThat(scenes.topic(again)).isNotEqualTo(topic);
	}

	@Test
	void answerSendsASavedAnswerAsTheStaffMembersOwnFilledInForTheCustomer() {
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		long ticket = scenes.askForPerson(chat, "Lia");
		int topic = scenes.topic(ticket);

		FakeTelegram.Call unknown = scenes.answerTo(topic, grace, "Grace", "/answer refund");
		ObjectNode command = scenes.inTopic(topic, grace, "Grace", "/answer Greeting");
		FakeTelegram.Call sent = telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("reply_to_message_id").asInt() == command.path("message_id").asInt(), WAIT);

		String greeting = "Hi Lia! I'm the Northwind Goods assistant. I can help with orders, delivery, returns, "
				+ "payments and your account. What can I do for you?";
		FakeTelegram.Call copy = telegram.awaitMessage(chat, text -> text.equals("Grace: " + greeting), WAIT);
		assertThat(unknown.text()).isEqualTo("No saved answer is called \"refund\". Did you mean:\n"
				+ "refund_status — Where is my refund?");
		assertThat(sent.body().path("message_thread_id").asInt()).isEqualTo(topic);
		assertThat(sent.text()).isEqualTo("Sent: " + greeting);
		assertThat(sent.body().has("reply_markup")).as("no question to teach the bot").isFalse();
		awaitTaken(ticket);
		assertThat(telegram.sentTexts(chat)).noneMatch(text -> text.contains("/answer") || text.contains("refund"));

		// the customer's reply to it replies to the command in the topic; the command edited changes nothing
		ObjectNode thanks = telegram.newMessage(chat, chat, "Lia");
		thanks.put("text", "hello to you too");
		thanks.set("reply_to_message", copy.result());
		telegram.sendUpdate("message", thanks);
		assertThat(telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("text").asText().equals("Lia: hello to you too"), WAIT).body().path("reply_to_message_id")
			.asInt()).isEqualTo(command.path("message_id").asInt());
		command.put("text", "/answer return_item");
		command.put("edit_date", 1_800_000_200);
		telegram.sendUpdate("edited_message", command);
		telegram.assertNoCall("editMessageText", body -> body.path("chat_id").asLong() == chat, Duration.ofSeconds(2));
	}

	@Test
	void aSavedAnswerAfterAQuestionTheBotCouldNotAnswerTeachesItTheQuestionAtATap() throws Exception {
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		String question = "Do you offer engraving on the speakers?";
		telegram.sendText(chat, chat, "Nia", question);
		telegram.awaitMessage(chat, text -> text.contains("not sure"), WAIT);
		long ticket = scenes.askForPerson(chat, "Nia");
		int topic = scenes.topic(ticket);

		FakeTelegram.Call sent = scenes.answerTo(topic, grace, "Grace", "/answer about_company");
		JsonNode button = sent.body().path("reply_markup").path("inline_keyboard").path(0).path(0);
		assertThat(button.path("text").asText())
			.isEqualTo("Teach the bot: “do you offer engraving on the speakers?” → about_company");
		int sentId = sent.result().path("message_id").asInt();
		long tap = telegram.sendCallback(GROUP, grace, button.path("callback_data").asText(), sentId);

		assertThat(scenes.answer(tap)).isEqualTo("Learnt: “do you offer engraving on the speakers?” is an example of "
				+ "about_company now. The bot answers it itself in a few seconds.");
		assertThat(Files.readString(INTENTS.resolve("shop.yml"))).contains("- \"do you offer engraving on the speakers?\"");
		long again = telegram.sendCallback(GROUP, grace, button.path("callback_data").asText(), sentId);
		assertThat(scenes.answer(again)).isEqualTo("Not learnt: 'do you offer engraving on the speakers?' is already an "
				+ "example of 'about_company'.");
		long forged = telegram.sendCallback(GROUP, grace, "teach:999999999:about_company", sentId);
		assertThat(scenes.answer(forged)).isEqualTo("That button is not known.");
		assertThat(scenes.answerTo(topic, grace, "Grace", "/answer about_company").body().has("reply_markup"))
			.as("a question learnt already is not offered again").isFalse();
	}

	@Test
	void aQuestionTheStaffHaveAnsweredSinceIsNotOfferedToTeachTheBot() {
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		telegram.sendText(chat, chat, "Ona", "zqxv frobnicate the wibble");
		telegram.awaitMessage(chat, text -> text.contains("not sure"), WAIT);
		long ticket = scenes.askForPerson(chat, "Ona");
		int topic = scenes.topic(ticket);
		scenes.staffReplies(chat, topic, grace, "Grace", "Sorry, could you tell me more?");

		FakeTelegram.Call sent = scenes.answerTo(topic, grace, "Grace", "/answer shipping_cost");

		assertThat(sent.text()).startsWith("Sent: ");
		assertThat(sent.body().has("reply_markup")).isFalse();
	}

	@Test
	void answerWithoutANameListsTheSavedAnswersAndSendsNothing() {
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		long ticket = scenes.askForPerson(chat, "Mo");
		int topic = scenes.topic(ticket);

		FakeTelegram.Call list = scenes.answerTo(topic, grace, "Grace", "/answer");

		assertThat(list.text()).startsWith("The saved answers (send one with /answer and its name, e.g. /answer ")
			.contains("\nreturn_item — Returning an item\n")
			.doesNotContain("talk_to_human", "goodbye", "out_of_scope", "are_you_open_now");
		assertThat(jdbc.queryForObject("select status from ticket where id = ?", String.class, ticket))
			.isEqualTo("WAITING");
	}

	@Test
	void queueListsTheOpenRequestsOldestFirstWithTheirPromiseAndWhoHasThem() {
		// the other tests' requests are over
		jdbc.update("update ticket set status = 'CLOSED', closed_at = current_timestamp where status <> 'CLOSED'");
		clock.set(london("2026-11-23T10:00"));
		long hal = scenes.staffMember("Hal");
		long first = chats.incrementAndGet();
		long firstTicket = scenes.askForPerson(first, "Una");
		long second = chats.incrementAndGet();
		long secondTicket = scenes.askForPerson(second, "Vic");
		scenes.inTopic(scenes.topic(secondTicket), hal, "Hal", "/take");
		telegram.awaitCall("editMessageText", body -> body.path("text").asText().startsWith("#T-%06d".formatted(secondTicket))
				&& body.path("text").asText().contains("Taken by Hal"), WAIT);
		clock.set(london("2026-11-23T13:00"));

		ObjectNode command = telegram.newMessage(GROUP, hal, "Hal");
		command.put("text", "/queue");
		telegram.sendUpdate("message", command);
		int asked = command.path("message_id").asInt();

		FakeTelegram.Call queue = telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("reply_to_message_id").asInt() == asked, WAIT);
		String text = queue.text();
		assertThat(text).startsWith("Open requests: 2, oldest first:")
			.contains("#T-%06d Una (…%04d), overdue since Monday 12:00, waiting".formatted(firstTicket, first % 10_000))
			.contains("#T-%06d Vic (…%04d), overdue since Monday 12:00, Hal has it".formatted(secondTicket,
					second % 10_000));
		assertThat(text.indexOf("#T-%06d".formatted(firstTicket))).isLessThan(text.indexOf("#T-%06d".formatted(secondTicket)));
	}

	@Test
	void aCommandForAnotherBotInTheGroupIsLeftToIt() {
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		long ticket = scenes.askForPerson(chat, "Ned");
		int topic = scenes.topic(ticket);
		await().atMost(WAIT).until(() -> botName.isForAnotherBot("/close@OtherHelpBot"));

		scenes.inTopic(topic, grace, "Grace", "/close@OtherHelpBot");
		scenes.inTopic(topic, grace, "Grace", "/stats@OtherHelpBot");
		scenes.staffReplies(chat, topic, grace, "Grace", "Hi Ned, Grace here");

		assertThat(telegram.sentTexts(chat)).noneMatch(text -> text.contains("OtherHelpBot"))
			.noneMatch(text -> text.startsWith("Thanks for chatting with us!"));
		assertThat(telegram.sentTexts(GROUP)).noneMatch(text -> text.contains("OtherHelpBot"))
			.noneMatch(text -> text.startsWith("Last 7 days"));
		scenes.inTopic(topic, grace, "Grace", "/close@" + FakeTelegram.BOT_USERNAME);
		telegram.awaitMessage(chat, text -> text.startsWith("Thanks for chatting with us!"), WAIT);
	}

	@Test
	void theCustomerCanEndAConversationAPersonHolds() {
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		long ticket = scenes.askForPerson(chat, "Jo");
		int topic = scenes.topic(ticket);
		scenes.staffReplies(chat, topic, grace, "Grace", "Hi Jo");

		telegram.sendText(chat, chat, "Jo", "/end");

		telegram.awaitMessage(chat, text -> text.contains("Thanks for chatting"), WAIT);
		scenes.inTopic(topic, grace, "Grace", "Anything else?");
		awaitLine(topic, "Not sent: this customer has no open request. What is written here reaches them once "
				+ "they ask for a person again, or after Follow up under a bad rating of theirs.");
	}

	@Test
	void whatStaffWriteInATopicOfTheirOwnIsLeftAlone() {
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		long ticket = scenes.askForPerson(chat, "Lou");
		int topic = scenes.topic(ticket);
		int teamTopic = topic + 100_000;

		scenes.inTopic(teamTopic, grace, "Grace", "Who can cover the phones at lunch?");
		scenes.inTopic(topic, grace, "Grace", "Hi Lou");

		telegram.awaitMessage(chat, text -> text.equals("Grace: Hi Lou"), WAIT);
		telegram.assertNoCall("sendMessage", body -> body.path("message_thread_id").asInt() == teamTopic,
				Duration.ofSeconds(3));
	}

	@Test
	void aStaffMessageInATopicTheBotOpenedButNeverHeardOfIsAnsweredRatherThanLost() {
		long grace = scenes.staffMember("Grace");
		// Telegram opened this topic, but its answer to the bot was lost on the way
		int leftOver = 700_001;
		ObjectNode hello = inTopicOpenedBy(leftOver, telegram.botUser(), grace, "Hello Orla, how can I help?");
		ObjectNode note = inTopicOpenedBy(leftOver, telegram.botUser(), grace, "// checking her order first");
		// and one of the staff's own
		int team = 700_002;
		inTopicOpenedBy(team, FakeTelegram.json("""
				{"id": %d, "is_bot": false, "first_name": "Grace"}""".formatted(grace)), grace, "Lunch at one?");

		assertThat(telegram.awaitCall("sendMessage",
				body -> body.path("reply_to_message_id").asInt() == hello.path("message_id").asInt(), WAIT).text())
			.startsWith("Not sent: this topic is no customer's. Frontdesk opened it, but Telegram's answer never "
					+ "reached it");
		telegram.assertNoCall("sendMessage", body -> body.path("message_thread_id").asInt() == team
				|| body.path("reply_to_message_id").asInt() == note.path("message_id").asInt(), Duration.ofSeconds(2));
	}

	/** A staff member writes in a topic; as in Telegram, the message replies to the topic's first message. */
	private ObjectNode inTopicOpenedBy(int topic, JsonNode opener, long userId, String text) {
		ObjectNode message = scenes.messageInTopic(topic, userId, "Grace");
		message.put("text", text);
		ObjectNode first = Scenes.groupMessage(GROUP, topic);
		first.set("forum_topic_created", FakeTelegram.json("""
				{"name": "Orla (…0001)", "icon_color": 7322096}"""));
		first.set("from", opener);
		message.set("reply_to_message", first);
		telegram.sendUpdate("message", message);
		return message;
	}

	@Test
	void copiesWhatTheCustomerAddsIntoTheirTopic() {
		long chat = chats.incrementAndGet();
		long ticket = scenes.askForPerson(chat, "Kay");
		int topic = scenes.topic(ticket);

		telegram.sendText(chat, chat, "Kay", "the order number is 55120");
		var photo = telegram.newMessage(chat, chat, "Kay");
		photo.set("photo", FakeTelegram.json("[{\"file_id\":\"p1\",\"file_unique_id\":\"u1\",\"width\":90,\"height\":90}]"));
		telegram.sendUpdate("message", photo);

		awaitLine(topic, "Kay: the order number is 55120");
		FakeTelegram.Call copy = telegram.awaitCall("copyMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("from_chat_id").asLong() == chat, WAIT);
		assertThat(copy.body().path("message_thread_id").asInt()).isEqualTo(topic);
		assertThat(copy.body().path("message_id").asInt()).isEqualTo(photo.path("message_id").asInt());
	}

	@Test
	void showsTheStaffWhatTheBotAnsweredTheCustomerMeanwhile() {
		long chat = chats.incrementAndGet();
		long ticket = scenes.askForPerson(chat, "Ned");
		int topic = scenes.topic(ticket);

		telegram.sendText(chat, chat, "Ned", "how much does delivery cost?");
		telegram.awaitMessage(chat, text -> text.contains("£3.95"), WAIT);
		telegram.sendText(chat, chat, "Ned", "my parcel came open");

		telegram.awaitCall(call -> call.is("sendMessage") && !call.failed()
				&& Scenes.hasLine(call.body(), "Ned: my parcel came open"), WAIT);
		List<String> posts = postsIn(topic);
		assertThat(posts).contains("Ned: how much does delivery cost?", "Ned: my parcel came open");
		assertThat(posts.get(posts.indexOf("Ned: how much does delivery cost?") + 1)).startsWith("Bot: ")
			.contains("£3.95");
		assertThat(posts).filteredOn(line -> line.startsWith("Bot: ")).hasSize(1);
	}

	@Test
	void closeOnTheCardEndsTheConversationAndTellsTheCustomer() {
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		long ticket = scenes.askForPerson(chat, "Lou");
		int cardId = scenes.card(ticket).result().path("message_id").asInt();

		scenes.inTopic(scenes.topic(ticket), grace, "Grace", "Sorted, Lou");
		telegram.awaitMessage(chat, text -> text.equals("Grace: Sorted, Lou"), WAIT);
		long closes = telegram.sendCallback(GROUP, grace, "close:" + ticket, cardId);

		assertThat(scenes.answer(closes)).isEqualTo("Closed.");
		telegram.awaitMessage(chat, text -> text.startsWith("Thanks for chatting with us!"), WAIT);
		telegram.awaitCall("editMessageText", body -> body.path("message_id").asInt() == cardId
				&& body.path("text").asText().contains("Closed by Grace")
				&& body.path("text").asText().contains(" Grace: Sorted, Lou") && !body.path("text").asText().contains("Staff: Grace")
				&& body.path("reply_markup").isMissingNode(), WAIT);
		telegram.sendText(chat, chat, "Lou", "how much does delivery cost?");
		telegram.awaitMessage(chat, text -> text.contains("£"), WAIT);
	}

	@Test
	void closingTheTopicInTelegramClosesItsRequestAndTheTopicIsReopenedForTheCustomersNextOne() {
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		long ticket = scenes.askForPerson(chat, "Uma");
		int cardId = scenes.card(ticket).result().path("message_id").asInt();
		int topic = scenes.topic(ticket);

		long closed = telegram.closeTopic(GROUP, topic, grace, "Grace", true);
		int serviceMessage = telegram.update(closed).path("message").path("message_id").asInt();
		telegram.awaitMessage(chat, text -> text.startsWith("Thanks for chatting with us!"), WAIT);
		assertThat(telegram.awaitCall("sendMessage", body -> body.path("reply_to_message_id").asInt() == serviceMessage,
				WAIT).text()).as("closing a topic is deliberate: no second Close asked for, answered or not")
			.isEqualTo("Closed.");
		telegram.awaitCall("editMessageText", body -> body.path("message_id").asInt() == cardId
				&& body.path("text").asText().contains("Closed by Grace"), WAIT);
		telegram.closeTopic(GROUP, topic, grace, "Grace", false);
		int again = telegram.update(telegram.closeTopic(GROUP, topic, grace, "Grace", true)).path("message")
			.path("message_id").asInt();
		telegram.assertNoCall("sendMessage", body -> body.path("reply_to_message_id").asInt() == again,
				Duration.ofSeconds(1));

		telegram.sendText(chat, chat, "Uma", "/human");
		long next = Scenes.ticketId(telegram.awaitMessage(chat, text -> text.contains("#T-")
				&& Scenes.ticketId(text) != ticket, WAIT).text());
		FakeTelegram.Call card = scenes.card(next);
		FakeTelegram.Call reopened = telegram.awaitCall("reopenForumTopic",
				body -> body.path("message_thread_id").asInt() == topic, WAIT);
		assertThat(card.body().path("message_thread_id").asInt()).isEqualTo(topic);
		assertThat(reopened.failed()).isFalse();
		assertThat(reopened.at()).isBefore(card.at());
	}

	@Test
	void closingARequestNoOneAnsweredTakesASecondCloseFromTheSameStaffMemberWithinAMinuteNotTheSameTapTwice() {
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		long hal = scenes.staffMember("Hal");
		long ticket = scenes.askForPerson(chat, "Max");
		FakeTelegram.Call card = scenes.card(ticket);
		int topic = card.body().path("message_thread_id").asInt();
		String again = "No one has answered this customer yet. Close again within a minute to close the request "
				+ "without an answer.";
		// stands still, so that what is sooner than two seconds is so however slow the machine
		clock.freeze(clock.instant());
		try {
			assertThat(scenes.answerTo(topic, grace, "Grace", "/close").text()).isEqualTo(again);
			assertThat(scenes.answerTo(topic, grace, "Grace", "/close").text()).as("the same tap twice")
				.isEqualTo(again);
			clock.advance(Duration.ofMinutes(2));
			assertThat(scenes.answerTo(topic, grace, "Grace", "/close").text()).as("a minute has passed")
				.isEqualTo(again);
			clock.advance(Duration.ofSeconds(5));
			assertThat(scenes.answer(telegram.sendCallback(GROUP, hal, "close:" + ticket,
					card.result().path("message_id").asInt()))).as("another's Close is a first one").isEqualTo(again);
			assertThat(telegram.sentTexts(chat)).noneMatch(text -> text.startsWith("Thanks for chatting with us!"));

			clock.advance(Duration.ofSeconds(5));
			scenes.inTopic(topic, grace, "Grace", "/close");
			telegram.awaitMessage(chat, text -> text.startsWith("Thanks for chatting with us!"), WAIT);
		}
		finally {
			clock.set(clock.instant());
		}
	}

	@Test
	void showsTheStaffWhenTheCustomerWithdraws() {
		long chat = chats.incrementAndGet();
		long ticket = scenes.askForPerson(chat, "Ned");
		FakeTelegram.Call card = scenes.card(ticket);

		telegram.sendCallback(chat, chat, "withdraw:" + ticket, 1);

		telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("message_thread_id").asInt() == card.body().path("message_thread_id").asInt()
				&& Scenes.hasLine(body, "#T-%06d: withdrawn by the customer.".formatted(ticket)), WAIT);
		telegram.awaitCall("editMessageText", body -> body.path("message_id").asInt() == card.result().path("message_id").asInt()
				&& body.path("text").asText().contains("Withdrawn by the customer"), WAIT);
	}

	/** Waits until the ticket is taken (its Take press handled). */
	private void awaitTaken(long ticket) {
		org.awaitility.Awaitility.await().atMost(WAIT).until(() -> "TAKEN".equals(
				jdbc.queryForObject("select status from ticket where id = ?", String.class, ticket)));
	}

	/** A message to the staff group, in any topic, that starts so. */
	private static FakeTelegram.Call groupPost(String start) {
		return telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("text").asText().startsWith(start), WAIT);
	}

	/**
	 * Makes the promise watch's last look, which a new database sets to the real time, the given time: the scenes
	 * play on fixed days, which may lie before the day the tests run.
	 */
	private void sinceBeforeTheseDays(Instant lastLook) {
		jdbc.update("update ticket_watch set last_checked_at = ?, last_summary_at = ?",
				lastLook.atOffset(java.time.ZoneOffset.UTC), lastLook.atOffset(java.time.ZoneOffset.UTC));
	}

	@Test
	void aCustomerWhoWritesAfterTheStaffMovedToAnotherGroupGetsATopicThereWithTheCardFirst() {
		long chat = chats.incrementAndGet();
		long ticket = scenes.askForPerson(chat, "Rex");
		int oldTopic = scenes.topic(ticket);
		jdbc.update("update staff_topic set group_id = '-1009999999999' where topic_id = ?", oldTopic);

		telegram.sendText(chat, chat, "Rex", "any news on my parcel?");

		FakeTelegram.Call line = telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("text").asText().startsWith("Rex: any news on my parcel?"), WAIT);
		int topic = line.body().path("message_thread_id").asInt();
		assertThat(topic).isNotEqualTo(oldTopic);
		List<FakeTelegram.Call> cards = telegram.calls("sendMessage").stream()
			.filter(call -> call.body().path("chat_id").asLong() == GROUP
					&& call.text().startsWith("#T-%06d".formatted(ticket)))
			.toList();
		assertThat(cards).hasSize(2);
		assertThat(cards.get(1).body().path("message_thread_id").asInt()).isEqualTo(topic);
		assertThat(cards.get(1).body().path("reply_markup").findValuesAsText("callback_data"))
			.containsExactly("take:" + ticket, "close:" + ticket);
		assertThat(telegram.calls().indexOf(cards.get(1))).as("the card before the customer's line")
			.isLessThan(telegram.calls().indexOf(line));
	}

	@Test
	void aReminderForACustomerWithoutATopicInThisGroupGoesToTheGeneralTopic() {
		clock.set(london("2026-11-23T10:00"));
		long chat = chats.incrementAndGet();
		long ticket = scenes.askForPerson(chat, "Pia");
		FakeTelegram.Call card = scenes.card(ticket);
		// the business moved its staff to another group: the customer's topic is in the old one
		jdbc.update("update staff_topic set group_id = '-1009999999999' where topic_id = ?",
				card.body().path("message_thread_id").asLong());

		clock.set(london("2026-11-23T11:31"));
		watch.check();

		FakeTelegram.Call reminder = groupPost("Reminder: #T-%06d".formatted(ticket));
		assertThat(reminder.body().path("message_thread_id").isMissingNode()).isTrue();
		assertThat(reminder.text()).endsWith("Customer: Pia (…%04d)".formatted(chat % 10_000));
	}

	@Test
	void postsRemindersAndMissedPromisesToTheCardAndTheNightsRequestsAtOpening() {
		clock.set(london("2026-11-23T10:00"));
		long chat = chats.incrementAndGet();
		long ticket = scenes.askForPerson(chat, "Oli");
		FakeTelegram.Call card = scenes.card(ticket);
		int cardId = card.result().path("message_id").asInt();

		clock.set(london("2026-11-23T11:31"));
		watch.check();
		FakeTelegram.Call reminder = groupPost("Reminder: #T-%06d".formatted(ticket));
		// taken, but not answered
		telegram.sendCallback(GROUP, scenes.staffMember("Ivo"), "take:" + ticket, cardId);
		awaitTaken(ticket);
		clock.set(london("2026-11-23T12:01"));
		watch.check();
		FakeTelegram.Call missed = groupPost("Promise missed: #T-%06d (Ivo has it)".formatted(ticket));

		for (FakeTelegram.Call alert : List.of(reminder, missed)) {
			assertThat(alert.body().path("reply_to_message_id").asInt()).isEqualTo(cardId);
			assertThat(alert.body().path("message_thread_id").asInt())
				.isEqualTo(card.body().path("message_thread_id").asInt());
		}
		assertThat(reminder.text()).contains("promised by Monday 12:00");

		clock.set(london("2026-11-23T20:00"));
		sinceBeforeTheseDays(london("2026-11-23T19:00"));
		watch.check();
		long night = chats.incrementAndGet();
		telegram.sendText(night, night, "Pam", "/human");
		long nightTicket = Scenes.ticketId(telegram.awaitMessage(night, text -> text.contains("#T-"), WAIT).text());
		// a second one, taken in the night but not answered yet
		long late = chats.incrementAndGet();
		long lateTicket = scenes.askForPerson(late, "Quinn");
		int lateCard = scenes.card(lateTicket).result().path("message_id").asInt();
		telegram.sendCallback(GROUP, scenes.staffMember("Kim"), "take:" + lateTicket, lateCard);
		awaitTaken(lateTicket);
		clock.set(london("2026-11-24T09:00:30"));
		watch.check();

		FakeTelegram.Call summary = telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("text").asText().startsWith("We're open. ")
				&& body.path("text").asText().contains("requests from while we were closed still need an answer")
				&& body.path("text").asText().contains("#T-%06d".formatted(nightTicket)), WAIT);
		assertThat(summary.body().path("message_thread_id").isMissingNode()).isTrue();
		assertThat(summary.text()).contains(
				"#T-%06d Pam (…%04d), promised by Tuesday 11:00".formatted(nightTicket, night % 10_000),
				"#T-%06d Quinn (…%04d), promised by Tuesday 11:00 (taken by Kim)".formatted(lateTicket, late % 10_000))
			.doesNotContain("#T-%06d".formatted(ticket));
	}

	@Test
	void aReplyWhoseThreadCouldNotBeLookedUpForAMomentIsSentLater() {
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		Relayed line = relayedLine(chat, "Rae", "it's order 77002");
		pairLookupFailsFor.set(chat);

		scenes.inTopic(line.topic(), grace, "Grace", "Found it, it ships today", line.copy());

		FakeTelegram.Call answer = telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == chat
				&& body.path("text").asText().equals("Grace: Found it, it ships today"), WAIT);
		assertThat(answer.body().path("reply_to_message_id").asInt()).isEqualTo(line.message());
	}

	@Test
	void aReminderThatWaitedWhileTheRequestWasAnsweredIsNotPosted() {
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		long ticket = scenes.askForPerson(chat, "Sol");
		int topic = scenes.topic(ticket);
		TicketView unanswered = tickets.find(ticket).orElseThrow();
		scenes.staffReplies(chat, topic, grace, "Grace", "Hi Sol, I'm here");

		transactions.executeWithoutResult(status -> events
			.publishEvent(new PromiseReminderDue(unanswered, unanswered.promisedBy().minusSeconds(60))));

		telegram.assertNoCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("text").asText().startsWith("Reminder: " + unanswered.number()), Duration.ofSeconds(3));
	}

	@Test
	void repliesStayThreadedOnBothSides() {
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		Relayed line = relayedLine(chat, "Quin", "it's order 77001");
		int topic = line.topic();
		int customerMessage = line.message();
		int copy = line.copy();

		ObjectNode staffMessage = scenes.inTopic(topic, grace, "Grace", "Found it, it ships today", copy);

		FakeTelegram.Call answer = telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == chat
				&& body.path("text").asText().equals("Grace: Found it, it ships today"), WAIT);
		assertThat(answer.body().path("reply_to_message_id").asInt()).isEqualTo(customerMessage);

		ObjectNode thanks = telegram.newMessage(chat, chat, "Quin");
		thanks.put("text", "great, thanks");
		thanks.set("reply_to_message", answer.result());
		telegram.sendUpdate("message", thanks);

		FakeTelegram.Call relayed = telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("text").asText().equals("Quin: great, thanks"), WAIT);
		assertThat(relayed.body().path("reply_to_message_id").asInt())
			.isEqualTo(staffMessage.path("message_id").asInt());
	}

	@Test
	void aPlainStaffMessageIsNoReply() {
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		long ticket = scenes.askForPerson(chat, "Rita");
		int topic = scenes.topic(ticket);

		scenes.inTopic(topic, grace, "Grace", "Hello Rita");

		FakeTelegram.Call answer = telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == chat
				&& body.path("text").asText().equals("Grace: Hello Rita"), WAIT);
		assertThat(answer.body().path("reply_to_message_id").isMissingNode()).isTrue();
	}

	@Test
	void editsFollowTheirMessageOnBothSides() {
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		long ticket = scenes.askForPerson(chat, "Sol");
		int topic = scenes.topic(ticket);
		ObjectNode line = telegram.newMessage(chat, chat, "Sol");
		line.put("text", "my postcode is N1 9GU");
		telegram.sendUpdate("message", line);
		int copy = telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& Scenes.hasLine(body, "Sol: my postcode is N1 9GU"), WAIT).result().path("message_id").asInt();

		line.put("text", "my postcode is N1 9GX");
		line.put("edit_date", 1_800_000_100);
		telegram.sendUpdate("edited_message", line);

		FakeTelegram.Call edited = telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("text").asText().equals("Sol edited: my postcode is N1 9GX"), WAIT);
		assertThat(edited.body().path("reply_to_message_id").asInt()).isEqualTo(copy);
		assertThat(edited.body().path("message_thread_id").asInt()).isEqualTo(topic);

		ObjectNode staffMessage = scenes.inTopic(topic, grace, "Grace", "It arrives on Tuesday", topic);
		int delivered = telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == chat
				&& body.path("text").asText().equals("Grace: It arrives on Tuesday"), WAIT).result().path("message_id").asInt();
		staffMessage.put("text", "It arrives on Wednesday");
		staffMessage.put("edit_date", 1_800_000_200);
		telegram.sendUpdate("edited_message", staffMessage);

		telegram.awaitCall("editMessageText", body -> body.path("chat_id").asLong() == chat
				&& body.path("message_id").asInt() == delivered
				&& body.path("text").asText().equals("Grace: It arrives on Wednesday"), WAIT);
	}

	@Test
	void anEditAfterTheRequestClosedIsAnsweredThatTheCustomerKeepsWhatTheyGot() {
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		long ticket = scenes.askForPerson(chat, "Rex");
		int topic = scenes.topic(ticket);
		ObjectNode staffMessage = scenes.inTopic(topic, grace, "Grace", "The refund is £12", topic);
		telegram.awaitMessage(chat, text -> text.equals("Grace: The refund is £12"), WAIT);
		scenes.answerTo(topic, grace, "Grace", "/close");
		telegram.awaitMessage(chat, text -> text.contains("How would you rate"), WAIT);

		staffMessage.put("text", "The refund is £21");
		staffMessage.put("edit_date", 1_800_000_300);
		telegram.sendUpdate("edited_message", staffMessage);

		FakeTelegram.Call told = telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("text").asText().startsWith("Not changed for the customer: this request is closed"), WAIT);
		assertThat(told.body().path("reply_to_message_id").asInt()).isEqualTo(staffMessage.path("message_id").asInt());
		assertThat(telegram.calls("editMessageText").stream().filter(call -> call.body().path("chat_id").asLong() == chat))
			.isEmpty();
	}

	@Test
	void takingANewerRequestWhileAnOlderOneWaitsWithNoOneOnItSaysSo() {
		long grace = scenes.staffMember("Grace");
		long older = scenes.askForPerson(chats.incrementAndGet(), "Ola");
		long newer = scenes.askForPerson(chats.incrementAndGet(), "Nia");
		int olderCard = scenes.card(older).result().path("message_id").asInt();
		int newerCard = scenes.card(newer).result().path("message_id").asInt();
		// the requests earlier tests left waiting are out of the way: Ola's is the oldest that waits
		jdbc.update("update ticket set status = 'WITHDRAWN' where status = 'WAITING' and id < ?", older);

		assertThat(scenes.answer(telegram.sendCallback(GROUP, grace, "take:" + newer, newerCard)))
			.isEqualTo("It's yours. #T-%06d has waited longer, and no one has it yet.".formatted(older));
		assertThat(scenes.answer(telegram.sendCallback(GROUP, grace, "take:" + older, olderCard))).isEqualTo("It's yours.");
	}

	@Test
	void anAdminPostingAnonymouslyIsStaff() {
		long chat = chats.incrementAndGet();
		long ticket = scenes.askForPerson(chat, "Tam");
		int topic = scenes.topic(ticket);

		ObjectNode message = scenes.messageInTopic(topic, 1_087_968_824L, "Group");
		message.set("from", FakeTelegram.json("""
				{"id": 1087968824, "is_bot": true, "first_name": "Group", "username": "GroupAnonymousBot"}"""));
		message.set("sender_chat", FakeTelegram.json("""
				{"id": %d, "type": "supergroup", "title": "Northwind support"}""".formatted(GROUP)));
		message.put("author_signature", "Head of support");
		message.put("text", "We're on it, Tam");
		telegram.sendUpdate("message", message);

		telegram.awaitMessage(chat, text -> text.equals("Head of support: We're on it, Tam"), WAIT);
	}

	@Test
	void aLongStaffMessageArrivesWholeInParts() {
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		long ticket = scenes.askForPerson(chat, "Uma");
		int topic = scenes.topic(ticket);
		String words = "the returns policy covers this item in full ".repeat(120).strip();
		int before = telegram.sentTexts(chat).size();

		scenes.inTopic(topic, grace, "Grace", words);

		await().atMost(WAIT).until(() -> telegram.sentTexts(chat).size() == before + 2);
		List<String> texts = telegram.sentTexts(chat);
		List<String> parts = texts.subList(texts.size() - 2, texts.size());
		assertThat(parts).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(4096));
		assertThat(String.join(" ", parts)).isEqualTo("Grace: " + words);
	}

	@Test
	void renamesTheTopicWhenTheCustomersNameChanges() {
		long chat = chats.incrementAndGet();
		long ticket = scenes.askForPerson(chat, "Sam");
		FakeTelegram.Call card = scenes.card(ticket);
		int topic = card.body().path("message_thread_id").asInt();

		telegram.sendText(chat, chat, "Samantha", "it's Samantha, actually");

		telegram.awaitCall("editForumTopic", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("message_thread_id").asInt() == topic && body.path("name").asText().startsWith("Samantha (…"), WAIT);
		// the card names the customer as the topic does, and keeps its buttons
		telegram.awaitCall("editMessageText", body -> body.path("message_id").asInt() == card.result().path("message_id")
			.asInt() && body.path("text").asText().contains("\nCustomer: Samantha (…")
				&& body.path("text").asText().contains("Waiting for a person")
				&& body.has("reply_markup"), WAIT);
		awaitLine(topic, "Samantha: it's Samantha, actually");
	}

	@Test
	void waitsForTheStaffGroupWhileTheBotCannotPostThere() {
		telegram.failAlwaysForChat("sendMessage", GROUP, 403, "Forbidden: bot is not a member of the supergroup chat");
		long chat = chats.incrementAndGet();
		long ticket = scenes.askForPerson(chat, "Val");
		String card = "#T-%06d".formatted(ticket);
		telegram.awaitCall(call -> call.is("sendMessage") && call.failed() && call.status() == 403
				&& call.text().startsWith(card), WAIT);
		telegram.sendText(chat, chat, "Val", "how much does delivery cost?");

		telegram.clearFailures();

		telegram.awaitCall(call -> call.is("sendMessage") && !call.failed() && call.text().startsWith(card), WAIT);
		telegram.awaitCall(call -> call.is("sendMessage") && !call.failed()
				&& Scenes.hasLine(call.body(), "Val: how much does delivery cost?"), WAIT);
	}

	@Test
	void aCustomerWhoseTopicWasDeletedGetsANewOneForTheirNextRequest() {
		long chat = chats.incrementAndGet();
		long hal = scenes.staffMember("Hal");
		long first = scenes.askForPerson(chat, "Dora");
		int deleted = scenes.topic(first);
		telegram.sendCallback(chat, chat, "withdraw:" + first, 1);
		telegram.awaitCall("sendMessage", body -> body.path("message_thread_id").asInt() == deleted
				&& Scenes.hasLine(body, "#T-%06d: withdrawn by the customer.".formatted(first)), WAIT);

		telegram.deleteTopic(GROUP, deleted);
		telegram.failNext("createForumTopic", 1, 502, "Bad Gateway");
		telegram.sendText(chat, chat, "Dora", "/human");
		long second = Scenes.ticketId(telegram.awaitMessage(chat, text -> text.contains("#T-") && !text.contains("cancelled")
				&& Scenes.ticketId(text) != first, WAIT).text());

		FakeTelegram.Call card = telegram.awaitCall(call -> call.is("sendMessage") && !call.failed()
				&& call.text().startsWith("#T-%06d".formatted(second)), WAIT);
		int topic = card.body().path("message_thread_id").asInt();
		assertThat(topic).isNotEqualTo(deleted);
		assertThat(postsIn(topic)).containsExactly(TOPIC_DELETED, card.text().lines().findFirst().orElseThrow());

		telegram.sendText(chat, chat, "Dora", "my order 4711 never came");
		telegram.awaitCall(call -> call.is("sendMessage") && !call.failed() && call.body().path("message_thread_id").asInt() == topic
				&& Scenes.hasLine(call.body(), "Dora: my order 4711 never came"), WAIT);
		scenes.inTopic(topic, hal, "Hal", "/take");
		telegram.awaitCall("editMessageText", body -> body.path("message_id").asInt() == card.result().path("message_id").asInt()
				&& body.path("text").asText().contains("Taken by Hal"), WAIT);
		assertThat(topicsNamed("Dora")).hasSize(2);
	}

	@Test
	void aTopicTelegramAsksToWaitForStillGetsTheCardBeforeTheCustomersLines() {
		long chat = chats.incrementAndGet();
		telegram.rateLimitNext("createForumTopic", 2, 1);

		long ticket = scenes.askForPerson(chat, "Abe");
		telegram.sendText(chat, chat, "Abe", "line A");
		telegram.sendText(chat, chat, "Abe", "line B");

		FakeTelegram.Call last = telegram.awaitCall(call -> call.is("sendMessage") && !call.failed()
				&& Scenes.hasLine(call.body(), "Abe: line B"), WAIT);
		List<String> posts = postsIn(last.body().path("message_thread_id").asInt());
		assertThat(posts).hasSize(3);
		assertThat(posts.get(0)).startsWith("#T-%06d · ".formatted(ticket));
		assertThat(posts.subList(1, 3)).containsExactly("Abe: line A", "Abe: line B");
		assertThat(topicsNamed("Abe")).hasSize(1);
	}

	@Test
	void whatWasOnItsWayToADeletedTopicGoesToTheNewOneInOrder() {
		long chat = chats.incrementAndGet();
		long ticket = scenes.askForPerson(chat, "Olga");
		int deleted = scenes.topic(ticket);
		telegram.deleteTopic(GROUP, deleted);
		CountDownLatch queued = new CountDownLatch(1);
		// Telegram takes its time over the first post, while two more are queued for the deleted topic
		telegram.stub("sendMessage", body -> {
			if (body.path("message_thread_id").asInt() == deleted) {
				await().atMost(WAIT).until(() -> queued.await(100, TimeUnit.MILLISECONDS));
			}
			return null;
		});
		try {
			telegram.sendText(chat, chat, "Olga", "it came on Tuesday");
			awaitPendingIn(deleted, 1);
			ObjectNode photo = telegram.newMessage(chat, chat, "Olga");
			photo.set("photo", FakeTelegram.json("[{\"file_id\":\"p3\",\"file_unique_id\":\"u3\",\"width\":90,\"height\":90}]"));
			telegram.sendUpdate("message", photo);
			awaitPendingIn(deleted, 2);
			telegram.sendText(chat, chat, "Olga", "I was out at the time");
			awaitPendingIn(deleted, 3);
			queued.countDown();

			FakeTelegram.Call last = telegram.awaitCall(call -> call.is("sendMessage") && !call.failed()
					&& Scenes.hasLine(call.body(), "Olga: I was out at the time"), WAIT);
			int topic = last.body().path("message_thread_id").asInt();
			assertThat(topic).isNotEqualTo(deleted);
			// the card went with the deleted topic: a new one comes first, with its buttons, and the card is it now
			String card = "#T-%06d · ".formatted(ticket);
			assertThat(postsIn(topic)).hasSize(5);
			assertThat(postsIn(topic).get(0)).isEqualTo(TOPIC_DELETED);
			assertThat(postsIn(topic).get(1)).startsWith(card);
			assertThat(postsIn(topic).subList(2, 5)).containsExactly("Olga: it came on Tuesday",
					"copy of " + photo.path("message_id").asInt(), "Olga: I was out at the time");
			FakeTelegram.Call newCard = telegram.awaitCall(call -> call.is("sendMessage") && !call.failed()
					&& call.body().path("message_thread_id").asInt() == topic && call.text().startsWith(card), WAIT);
			assertThat(newCard.body().path("reply_markup").path("inline_keyboard").findValuesAsText("callback_data"))
				.contains("take:" + ticket);
			assertThat(topicsNamed("Olga")).hasSize(2);

			// a post for the deleted topic that fails later still finds the new topic, and no third one is opened
			assertThat(desk.topicDeleted(deleted)).contains((long) topic);
			assertThat(topicsNamed("Olga")).hasSize(2);
			assertThat(postsIn(topic)).filteredOn(TOPIC_DELETED::equals).hasSize(1);
			desk.take(ticket, new frontdesk.ticket.StaffMember("900", "Hal"));
			telegram.awaitCall("editMessageText", body -> body.path("message_id").asInt()
					== newCard.result().path("message_id").asInt() && body.path("text").asText().contains("Taken by Hal"),
					WAIT);
		}
		finally {
			telegram.stub("sendMessage", null);
		}
	}

	@Test
	void tellsTheStaffWhenTheCustomerBlockedTheBotAndHoldsBackWhatTheyWrite() throws InterruptedException {
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		long ticket = scenes.askForPerson(chat, "Bo");
		int topic = scenes.topic(ticket);
		scenes.staffReplies(chat, topic, grace, "Grace", "Hi Bo, what's up?");

		telegram.blockUser(chat);
		scenes.inTopic(topic, grace, "Grace", "Your refund is on its way");
		awaitLine(topic, "Bo " + BLOCKED);
		scenes.inTopic(topic, grace, "Grace", "Are you still there?");
		awaitLine(topic, "Not sent: this customer blocked the bot. Nothing written here reaches them until they start the "
				+ "bot again.");
		// Telegram's own notice that they blocked the bot changes nothing more
		telegram.awaitConfirmed(telegram.sendUpdateJson(Scenes.membership(chat, "Bo", "kicked")), WAIT);
		Thread.sleep(2_000);

		assertThat(postsIn(topic)).filteredOn(line -> line.endsWith(BLOCKED)).hasSize(1);
		assertThat(telegram.calls("sendMessage").stream().filter(call -> call.body().path("chat_id").asLong() == chat
				&& call.text().equals("Grace: Are you still there?"))).isEmpty();
	}

	@Test
	void anEditOfAStaffReplyThatWasNeverDeliveredIsGivenUpAtOnceNotRetriedForADay() {
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		long ticket = scenes.askForPerson(chat, "Flo");
		int topic = scenes.topic(ticket);
		scenes.staffReplies(chat, topic, grace, "Grace", "Hi Flo");
		telegram.blockUser(chat);
		ObjectNode reply = scenes.inTopic(topic, grace, "Grace", "Your refund is on its way", topic);
		awaitLine(topic, "Flo " + BLOCKED);

		reply.put("text", "Your refund went out today");
		reply.put("edit_date", 1_800_000_300);
		telegram.sendUpdate("edited_message", reply);

		await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.queryForList("select status || ' ' || last_error "
				+ "from telegram_outbox where kind = 'EDIT_MESSAGE' and chat_id = ?", String.class, chat))
			.singleElement().asString().startsWith("FAILED ").contains("was never sent"));
	}

	@Test
	void tellsTheStaffWhenTheCustomerStartsTheBotAgain() {
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		long ticket = scenes.askForPerson(chat, "Cleo");
		int topic = scenes.topic(ticket);
		telegram.sendUpdateJson(Scenes.membership(chat, "Cleo", "member"));

		telegram.sendUpdateJson(Scenes.membership(chat, "Cleo", "kicked"));
		awaitLine(topic, "Cleo " + BLOCKED);
		telegram.sendUpdateJson(Scenes.membership(chat, "Cleo", "member"));
		awaitLine(topic, "Cleo " + STARTED_AGAIN);
		scenes.inTopic(topic, grace, "Grace", "Welcome back, Cleo");

		telegram.awaitMessage(chat, text -> text.equals("Grace: Welcome back, Cleo"), WAIT);
		assertThat(postsIn(topic)).filteredOn(line -> line.endsWith(STARTED_AGAIN)).hasSize(1);
	}

	@Test
	void tellsTheStaffInTheTopicWhenTheirReplyCannotReachTheCustomer() {
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		long ticket = scenes.askForPerson(chat, "Ivy");
		int topic = scenes.topic(ticket);
		telegram.failNextForChat("sendMessage", chat, 1, 400, "Bad Request: message is too long", null);

		scenes.inTopic(topic, grace, "Grace", "Your refund went out today, so it should be on your statement within "
				+ "three to five working days.");

		awaitLine(topic, "⚠️ This message could not be delivered to the customer: “Grace: Your refund went out today, so "
				+ "it should be on your statement within…” (Bad Request: message is too long)");
		scenes.staffReplies(chat, topic, grace, "Grace", "Sorry, once more: your refund went out today.");
		assertThat(postsIn(topic)).filteredOn(line -> line.startsWith("⚠️")).hasSize(1);
	}

	@Test
	void onlyLogsAPostForTheStaffGroupThatCannotBeDelivered() {
		long chat = chats.incrementAndGet();
		long ticket = scenes.askForPerson(chat, "Jo");
		int topic = scenes.topic(ticket);
		telegram.failNextForChat("sendMessage", GROUP, 1, 400, "Bad Request: message is too long", null);

		telegram.sendText(chat, chat, "Jo", "is anyone there?");

		telegram.awaitCall(call -> call.is("sendMessage") && call.failed() && call.body().path("chat_id").asLong() == GROUP
				&& Scenes.hasLine(call.body(), "Jo: is anyone there?"), WAIT);
		telegram.assertNoCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("text").asText().contains("could not be delivered"), Duration.ofSeconds(2));
		assertThat(postsIn(topic)).doesNotContain("Jo: is anyone there?");
	}

	static final String BLOCKED = "blocked the bot: nothing written here reaches them until they start the bot again.";

	static final String STARTED_AGAIN = "started the bot again: what is written here reaches them again.";

	/** Waits for the post in the customer's topic that shows the line. */
	private static FakeTelegram.Call awaitLine(int topic, String line) {
		return telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("message_thread_id").asInt() == topic && Scenes.hasLine(body, line), WAIT);
	}

	static final String TOPIC_DELETED = "This customer's earlier topic was deleted; this one takes its place.";

	/**
	 * What reached a topic of the staff group, line by line, in order: a card as its first line, a copied message as
	 * "copy of" its id.
	 */
	private static List<String> postsIn(int topic) {
		return telegram.calls()
			.stream()
			.filter(call -> !call.failed() && call.body().path("chat_id").asLong() == GROUP
					&& call.body().path("message_thread_id").asInt() == topic)
			.flatMap(call -> call.is("copyMessage") ? Stream.of("copy of " + call.body().path("message_id").asInt())
					: !call.is("sendMessage") ? Stream.<String>empty()
					: call.text().startsWith("#T-") ? call.text().lines().limit(1) : call.text().lines())
			.toList();
	}

	private static List<FakeTelegram.Call> topicsNamed(String name) {
		return telegram.calls("createForumTopic")
			.stream()
			.filter(call -> !call.failed() && call.body().path("chat_id").asLong() == GROUP
					&& call.body().path("name").asText().startsWith(name + " (…"))
			.toList();
	}

	private void awaitPendingIn(int topic, int count) {
		await().atMost(WAIT).until(() -> jdbc.queryForObject("""
				select count(*) from telegram_outbox where chat_id = ? and message_thread_id = ? and status = 'PENDING'""",
				Integer.class, GROUP, topic) == count);
	}

	/** A customer's line in their topic: the topic, the customer's message and its copy there. */
	private record Relayed(int topic, int message, int copy) {
	}

	/** The customer asks for a person, then writes a line, which is copied into their topic. */
	private static Relayed relayedLine(long chat, String name, String text) {
		long ticket = scenes.askForPerson(chat, name);
		int topic = scenes.topic(ticket);
		long update = telegram.sendText(chat, chat, name, text);
		int message = telegram.update(update).path("message").path("message_id").asInt();
		int copy = telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& Scenes.hasLine(body, name + ": " + text), WAIT).result().path("message_id").asInt();
		return new Relayed(topic, message, copy);
	}

	private static Instant london(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/London")).toInstant();
	}

	/** The test clock, and message pairs that can be made to fail once. */
	static class Beans {

		@Bean
		@Primary
		SettableClock settableClock() {
			return clock;
		}

		@Bean
		@Primary
		MessagePairs failingOnceWhenAsked(SentMessageRepository sent) {
			return new MessagePairs(sent) {

				@Override
				Optional<Integer> find(String keyOrReference, long chatId) {
					if (pairLookupFailsFor.compareAndSet(chatId, 0)) {
						throw new QueryTimeoutException("lock timeout");
					}
					return super.find(keyOrReference, chatId);
				}
			};
		}
	}
}
