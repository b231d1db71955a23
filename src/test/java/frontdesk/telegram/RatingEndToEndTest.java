package frontdesk.telegram;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import frontdesk.SettableClock;
import frontdesk.conversation.QuietConversations;
import frontdesk.rating.RatingView;
import frontdesk.rating.Ratings;
import frontdesk.ticket.PromiseWatch;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static frontdesk.telegram.Scenes.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Closing conversations on Telegram: the rating question, the comment, bad ratings back to the staff, quiet
 * conversations, and the staff's {@code /stats}.
 */
@SpringBootTest
@Import(RatingEndToEndTest.Clocks.class)
class RatingEndToEndTest {

	static final SettableClock clock = new SettableClock();

	static final long GROUP = -1003004005006L;

	static final FakeTelegram telegram = FakeTelegram.start().dated(clock);


	static final Scenes scenes = new Scenes(telegram, GROUP);

	private static final AtomicLong chats = new AtomicLong(7_000_000_000L);

	@Autowired
	Ratings ratings;

	@Autowired
	QuietConversations quiet;

	@DynamicPropertySource
	static void telegram(DynamicPropertyRegistry registry) {
		scenes.settings(registry, "rating-e2e");
	}

	@AfterAll
	static void stopTelegram() {
		telegram.close();
	}

	@Test
	void aStaffCloseAsksForARatingAndTakesOneRatingAndAComment() {
		clock.set(london("2026-11-23T10:00"));
		long chat = chats.incrementAndGet();
		long grace = scenes.staffMember("Grace");
		long ticket = scenes.askForPerson(chat, "Ann");
		FakeTelegram.Call card = scenes.card(ticket);
		int cardId = card.result().path("message_id").asInt();
		scenes.inTopic(card.body().path("message_thread_id").asInt(), grace, "Grace", "Hi Ann, it's sorted");
		telegram.awaitMessage(chat, text -> text.equals("Grace: Hi Ann, it's sorted"), WAIT);

		telegram.sendCallback(GROUP, grace, "close:" + ticket, cardId);

		FakeTelegram.Call question = ratingQuestion(chat);
		assertThat(question.text()).startsWith("Thanks for chatting with us!")
			.endsWith("How would you rate this conversation? (1 = poor, 5 = excellent)");
		JsonNode rows = question.body().path("reply_markup").path("inline_keyboard");
		assertThat(rows).as("one row of five").hasSize(1);
		assertThat(rows.get(0).findValuesAsText("text")).containsExactly("1", "2", "3", "4", "5");
		long conversation = conversationOf(question);
		int questionId = question.result().path("message_id").asInt();

		long tap = telegram.sendCallback(chat, chat, "rate:" + conversation + ":4", questionId);

		telegram.awaitCall("editMessageText", body -> body.path("chat_id").asLong() == chat
				&& body.path("message_id").asInt() == questionId
				&& body.path("text").asText().endsWith("You rated it 4 out of 5. Thank you!")
				&& body.path("reply_markup").isMissingNode(), WAIT);
		assertThat(scenes.answer(tap)).isEmpty();
		FakeTelegram.Call askComment = telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == chat
				&& body.path("text").asText().startsWith("Anything we could do better?"), WAIT);
		assertThat(askComment.body().path("reply_markup").findValuesAsText("callback_data"))
			.containsExactly("skip:" + conversation);

		telegram.sendText(chat, chat, "Ann", "quicker replies on Mondays please");
		telegram.awaitMessage(chat, text -> text.equals("Thank you, I've passed that on to the team."), WAIT);
		RatingView rating = ratings.find(conversation).orElseThrow();
		assertThat(rating.score()).isEqualTo(4);
		assertThat(rating.comment()).isEqualTo("quicker replies on Mondays please");
		assertThat(rating.handledBy()).isEqualTo("Grace");

		long again = telegram.sendCallback(chat, chat, "rate:" + conversation + ":1", questionId);
		assertThat(scenes.answer(again)).isEqualTo("You've rated this conversation already. Thank you!");
		assertThat(ratings.find(conversation).orElseThrow().score()).isEqualTo(4);

		askAboutDelivery(chat, "Ann");
	}

	@Test
	void theCommentCountsEvenIfTheCustomerWroteSomethingElseBeforeRating() {
		clock.set(london("2026-11-23T10:45"));
		long chat = chats.incrementAndGet();
		askThenEnd(chat, "Kim");
		FakeTelegram.Call question = ratingQuestion(chat);
		telegram.sendText(chat, chat, "Kim", "thank you");
		int before = telegram.sentTexts(chat).size();
		telegram.awaitMessage(chat, text -> telegram.sentTexts(chat).size() > before, WAIT);

		rate(chat, 3);
		telegram.sendText(chat, chat, "Kim", "the parcel came a day late");

		telegram.awaitMessage(chat, text -> text.equals("Thank you, I've passed that on to the team."), WAIT);
		assertThat(ratings.find(conversationOf(question)).orElseThrow().comment()).isEqualTo("the parcel came a day late");
	}

	@Test
	void aRatingButtonCountsOnlyForTheCustomerItWasSentTo() {
		clock.set(london("2026-11-23T10:30"));
		long chat = chats.incrementAndGet();
		askThenEnd(chat, "Bo");
		long conversation = conversationOf(ratingQuestion(chat));

		long other = chats.incrementAndGet();
		telegram.sendText(other, other, "Cy", "hello");
		telegram.awaitMessage(other, text -> true, WAIT);
		long forged = telegram.sendCallback(other, other, "rate:" + conversation + ":1", 1);

		assertThat(scenes.answer(forged)).isEqualTo("That button has expired. Please type your question instead.");
		assertThat(ratings.find(conversation).orElseThrow().score()).isNull();
	}

	@Test
	void thatsAllThanksClosesAndSkipEndsTheWaitForAComment() {
		clock.set(london("2026-11-23T11:00"));
		long chat = chats.incrementAndGet();
		telegram.sendText(chat, chat, "Dot", "how much does delivery cost?");
		FakeTelegram.Call first = telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == chat
				&& body.path("text").asText().contains("£"), WAIT);
		assertThat(first.body().path("reply_markup").findValuesAsText("callback_data")).doesNotContain("done");
		telegram.sendText(chat, chat, "Dot", "can I pay with paypal?");
		FakeTelegram.Call second = telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == chat
				&& body.path("text").asText().contains("PayPal"), WAIT);
		JsonNode done = second.body().path("reply_markup").path("inline_keyboard");
		assertThat(done.get(done.size() - 1).get(0).path("text").asText()).isEqualTo("That's all, thanks");
		telegram.sendCallback(chat, chat, "done", second.result().path("message_id").asInt());
		FakeTelegram.Call question = ratingQuestion(chat);
		long conversation = conversationOf(question);
		telegram.sendCallback(chat, chat, "rate:" + conversation + ":5", question.result().path("message_id").asInt());
		int askComment = telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == chat
				&& body.path("text").asText().startsWith("Anything we could do better?"), WAIT).result().path("message_id").asInt();

		long skip = telegram.sendCallback(chat, chat, "skip:" + conversation, askComment);

		assertThat(scenes.answer(skip)).isEqualTo("Thanks again!");
		telegram.awaitCall("editMessageText", body -> body.path("message_id").asInt() == askComment
				&& body.path("chat_id").asLong() == chat && body.path("reply_markup").isMissingNode(), WAIT);
		telegram.sendText(chat, chat, "Dot", "what are your opening hours?");
		telegram.awaitMessage(chat, text -> text.contains("Monday to Friday"), WAIT);
		assertThat(ratings.find(conversation).orElseThrow().comment()).isNull();
	}

	@Test
	void aQuietConversationClosesWithTheRatingQuestionButOneWaitingForAPersonStaysOpen() {
		clock.freeze(london("2026-11-25T10:00"));
		long chat = chats.incrementAndGet();
		askAboutDelivery(chat, "Eli");
		long waiting = chats.incrementAndGet();
		scenes.askForPerson(waiting, "Flo");
		int waitingBefore = telegram.sentTexts(waiting).size();
		// a question tapped from the suggestions counts as one written; a greeting alone does not
		long tapper = chats.incrementAndGet();
		FakeTelegram.Call greeting = start(tapper, "Gus");
		String suggestion = greeting.body().path("reply_markup").findValuesAsText("callback_data").get(0);
		int tapperBefore = telegram.sentTexts(tapper).size();
		telegram.sendCallback(tapper, tapper, suggestion, greeting.result().path("message_id").asInt());
		await().atMost(WAIT).until(() -> telegram.sentTexts(tapper).size() > tapperBefore);
		long greeted = chats.incrementAndGet();
		start(greeted, "Hap");
		int greetedBefore = telegram.sentTexts(greeted).size();

		clock.advance(Duration.ofMinutes(29));
		quiet.closeQuiet();
		clock.advance(Duration.ofMinutes(2));
		quiet.closeQuiet();

		FakeTelegram.Call question = ratingQuestion(chat);
		assertThat(question.text()).startsWith("This conversation has been quiet for a while, so I've closed it.");
		assertThat(telegram.sentTexts(chat).stream().filter(text -> text.startsWith("This conversation has been quiet")))
			.hasSize(1);
		assertThat(ratingQuestion(tapper).text()).startsWith("This conversation has been quiet for a while");
		assertThat(telegram.sentTexts(waiting)).hasSize(waitingBefore);
		assertThat(telegram.sentTexts(greeted)).hasSize(greetedBefore);
	}

	/** The customer sends /start and gets the greeting with suggestions. */
	private static FakeTelegram.Call start(long chat, String name) {
		telegram.sendText(chat, chat, name, "/start");
		return telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == chat
				&& !body.path("reply_markup").findValuesAsText("callback_data").isEmpty(), WAIT);
	}

	@Test
	void aBadRatingGoesToTheStaffWhoCanFollowItUp() {
		clock.set(london("2026-11-26T10:00"));
		long chat = chats.incrementAndGet();
		long hal = scenes.staffMember("Hal");
		long ticket = scenes.askForPerson(chat, "Gil");
		FakeTelegram.Call card = scenes.card(ticket);
		int topic = card.body().path("message_thread_id").asInt();
		closeUnanswered(topic, hal, "Hal");
		FakeTelegram.Call question = ratingQuestion(chat);
		long conversation = conversationOf(question);

		telegram.sendCallback(chat, chat, "rate:" + conversation + ":2", question.result().path("message_id").asInt());

		FakeTelegram.Call alert = telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("text").asText().startsWith("Rated 2/5 by Gil"), WAIT);
		assertThat(alert.body().path("message_thread_id").asInt()).isEqualTo(topic);
		assertThat(alert.body().path("reply_to_message_id").asInt()).isEqualTo(card.result().path("message_id").asInt());
		assertThat(alert.text()).contains("handled by Hal");
		telegram.sendText(chat, chat, "Gil", "nobody answered my question");
		FakeTelegram.Call comment = telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& Scenes.hasLine(body, "Gil commented: nobody answered my question"), WAIT);
		assertThat(comment.body().path("reply_to_message_id").asInt()).isEqualTo(alert.result().path("message_id").asInt());

		long followUp = telegram.sendCallback(GROUP, hal, "follow:" + conversation, alert.result().path("message_id").asInt());

		assertThat(scenes.answer(followUp)).isEqualTo("It's yours: what you write in this topic goes to Gil.");
		scenes.staffReplies(chat, topic, hal, "Hal", "Sorry about that, Gil. Let's fix it now.");
		long second = telegram.sendCallback(GROUP, scenes.staffMember("Ivy"), "follow:" + conversation,
				alert.result().path("message_id").asInt());
		assertThat(scenes.answer(second)).isEqualTo("Hal already has this one.");
	}

	@Test
	void theCommentOnABadRatingReachesTheStaffThoughTheAlertCouldNotOpenTheTopicAtFirst() {
		clock.set(london("2026-11-27T11:00"));
		long chat = chats.incrementAndGet();
		askThenEnd(chat, "Lea");
		telegram.failNext("createForumTopic", 1, 502, "Bad Gateway");

		rate(chat, 1);
		telegram.sendText(chat, chat, "Lea", "the answer was wrong");

		telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& Scenes.hasLine(body, "Lea commented: the answer was wrong"), WAIT);
		telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("text").asText().startsWith("Rated 1/5 by Lea"), WAIT);
	}

	@Test
	void aCustomerWaitingForAPersonWritesToTheStaffThoughTheyJustRatedAnEarlierConversationWell() {
		clock.set(london("2026-11-27T11:30"));
		long chat = chats.incrementAndGet();
		askThenEnd(chat, "Ned");
		FakeTelegram.Call question = ratingQuestion(chat);
		long ticket = scenes.askForPerson(chat, "Ned");
		int topic = scenes.topic(ticket);

		telegram.sendCallback(chat, chat, "rate:" + conversationOf(question) + ":4",
				question.result().path("message_id").asInt());
		telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == chat
				&& body.path("text").asText().startsWith("Anything we could do better?"), WAIT);
		telegram.sendText(chat, chat, "Ned", "my order number is 12345");

		telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("message_thread_id").asInt() == topic
				&& Scenes.hasLine(body, "Ned: my order number is 12345"), WAIT);
		assertThat(ratings.find(conversationOf(question)).orElseThrow().comment()).isNull();
	}

	@Test
	void aCommentWrittenAfterTheStaffFollowedUpIsStillTheComment() {
		clock.set(london("2026-11-27T10:00"));
		long chat = chats.incrementAndGet();
		long hal = scenes.staffMember("Hal");
		BadRating rated = closedUnansweredAndRatedOne(chat, "Jo", hal, "Hal");
		long conversation = rated.conversation();
		clock.set(london("2026-11-27T10:02"));
		long followUp = telegram.sendCallback(GROUP, hal, "follow:" + conversation,
				rated.alert().result().path("message_id").asInt());
		assertThat(scenes.answer(followUp)).isEqualTo("It's yours: what you write in this topic goes to Jo.");
		clock.set(london("2026-11-27T10:03"));

		telegram.sendText(chat, chat, "Jo", "the courier was rude to me");

		telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& Scenes.hasLine(body, "Jo commented: the courier was rude to me"), WAIT);
		assertThat(ratings.find(conversation)).get().extracting(RatingView::comment)
			.isEqualTo("the courier was rude to me");
	}

	@Test
	void aFollowUpIsNotCountedAsACustomersRequest() {
		clock.set(london("2031-03-10T10:00"));
		long chat = chats.incrementAndGet();
		long hal = scenes.staffMember("Hal");
		BadRating rated = closedUnansweredAndRatedOne(chat, "Tia", hal, "Hal");
		long followUp = telegram.sendCallback(GROUP, hal, "follow:" + rated.conversation(),
				rated.alert().result().path("message_id").asInt());
		assertThat(scenes.answer(followUp)).startsWith("It's yours");
		scenes.inTopic(rated.topic(), hal, "Hal", "Sorry Tia, let's put it right");
		telegram.awaitMessage(chat, text -> text.equals("Hal: Sorry Tia, let's put it right"), WAIT);

		Instant asked = Instant.now();
		telegram.sendText(GROUP, hal, "Hal", "/stats 1");

		FakeTelegram.Call stats = telegram.awaitCall(call -> call.is("sendMessage") && !call.at().isBefore(asked)
				&& call.body().path("text").asText().startsWith("Last 1 day"), WAIT);
		assertThat(stats.text().split("\n")).contains("Requests for a person: 1 (1 in hours, 0 after hours)");
	}

	@Test
	void followingUpACustomerWhoAskedForAPersonAgainTakesTheirRequestAndItsCardSaysSo() {
		clock.set(london("2026-11-26T11:00"));
		long chat = chats.incrementAndGet();
		long hal = scenes.staffMember("Hal");
		BadRating rated = closedUnansweredAndRatedOne(chat, "Uma", hal, "Hal");
		telegram.sendText(chat, chat, "Uma", "/human");
		long again = Scenes.ticketId(telegram.awaitMessage(chat, text -> text.contains("#T-")
				&& !text.contains("#T-%06d".formatted(rated.ticket())), WAIT).text());
		int card = scenes.card(again).result().path("message_id").asInt();

		long followUp = telegram.sendCallback(GROUP, hal, "follow:" + rated.conversation(),
				rated.alert().result().path("message_id").asInt());

		assertThat(scenes.answer(followUp)).isEqualTo("It's yours: what you write in this topic goes to Uma.");
		FakeTelegram.Call taken = telegram.awaitCall("editMessageText", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("message_id").asInt() == card && body.path("text").asText().contains("Taken by Hal"), WAIT);
		assertThat(taken.body().path("reply_markup").findValuesAsText("callback_data"))
			.containsExactly("take:" + again, "close:" + again);
		telegram.awaitCall("editMessageText", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("text").asText().endsWith("Followed up by Hal as #T-%06d".formatted(again)), WAIT);
	}

	@Test
	void aFollowUpPromisedTheCustomerNothingSoTheStaffGetNoReminderOrMissedPromise(@Autowired PromiseWatch watch) {
		clock.freeze(london("2031-03-12T10:00"));
		long chat = chats.incrementAndGet();
		long hal = scenes.staffMember("Hal");
		BadRating rated = closedUnansweredAndRatedOne(chat, "Vic", hal, "Hal");
		long followUp = telegram.sendCallback(GROUP, hal, "follow:" + rated.conversation(),
				rated.alert().result().path("message_id").asInt());
		assertThat(scenes.answer(followUp)).startsWith("It's yours");
		String ticket = telegram.awaitCall("editMessageText", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("text").asText().contains("Followed up by Hal as #T-"), WAIT)
			.text()
			.replaceAll("(?s).*as (#T-\\d{6}).*", "$1");
		assertThat(telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("text").asText().startsWith(ticket + " "), WAIT).text())
			.contains("Follow-up of a bad rating: no time was promised")
			.doesNotContain("Promised by")
			.as("a new conversation has no messages yet")
			.doesNotContain("Last messages");

		clock.freeze(london("2031-03-12T11:45"));
		watch.check();
		clock.freeze(london("2031-03-12T12:10"));
		watch.check();

		telegram.assertNoCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& (body.path("text").asText().startsWith("Reminder: " + ticket + " ")
						|| body.path("text").asText().startsWith("Promise missed: " + ticket + " ")), Duration.ofSeconds(2));
	}

	@Test
	void statsShowsThePeriodsFigures() {
		clock.set(london("2031-03-03T10:00"));
		long grace = scenes.staffMember("Grace");
		long pat = chats.incrementAndGet();
		askThenEnd(pat, "Pat");
		rate(pat, 5);
		long quin = chats.incrementAndGet();
		long ticket = scenes.askForPerson(quin, "Quin");
		int topic = scenes.topic(ticket);
		scenes.staffReplies(quin, topic, grace, "Grace", "Hello Quin");
		scenes.inTopic(topic, grace, "Grace", "/close");
		rate(quin, 2);
		long sam = chats.incrementAndGet();
		scenes.askForPerson(sam, "Sam");
		telegram.sendText(sam, sam, "Sam", "/end");
		rate(sam, 1);
		FakeTelegram.Call alert = telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("text").asText().startsWith("Rated 1/5 by Sam"), WAIT);
		assertThat(alert.text()).endsWith("handled by no one: the customer asked for a person, and none answered.");
		long rae = chats.incrementAndGet();
		telegram.sendText(rae, rae, "Rae", "qwzx vbnm plok");
		telegram.awaitMessage(rae, text -> true, WAIT);
		telegram.sendText(rae, rae, "Rae", "Qwzx vbnm plok ");
		telegram.awaitMessage(rae, text -> telegram.sentTexts(rae).size() == 2, WAIT);

		telegram.sendText(GROUP, grace, "Grace", "/stats 1");

		FakeTelegram.Call stats = telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("text").asText().startsWith("Last 1 day"), WAIT);
		assertThat(stats.text().split("\n")).contains(
				// Rae's questions were not understood: the bot answered Pat alone
				"Conversations: 4, answered by the bot alone: 1 (25%)",
				"Requests for a person: 2 (2 in hours, 0 after hours)",
				"Promises kept: 1 of 1 (100%)",
				"Ratings: 3, average 2.7",
				"  5★ 1 · 4★ 0 · 3★ 0 · 2★ 1 · 1★ 1",
				// Sam asked for a person and gave up waiting: not a rating of the bot alone
				"  bot alone: 1, average 5.0; with staff: 2, average 1.5",
				"1. qwzx vbnm plok (2)");
		assertThat(stats.body().path("message_thread_id").isMissingNode()).as("asked in General").isTrue();

		telegram.sendText(GROUP, grace, "Grace", "/stats forever");
		telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("text").asText().startsWith("Use /stats for the last 7 days"), WAIT);
	}

	@Test
	void statsCountsTheFirstReplyAlsoInOpeningHoursAsThePromiseDoes() {
		// Saturday, a quarter of an hour before closing; the clock stands still, so the figures are to the minute
		clock.freeze(london("2032-06-05T13:45"));
		try {
			long grace = scenes.staffMember("Grace");
			long una = chats.incrementAndGet();
			long ticket = scenes.askForPerson(una, "Una");
			int topic = scenes.topic(ticket);
			// Monday, a quarter of an hour after opening
			clock.freeze(london("2032-06-07T09:15"));
			scenes.inTopic(topic, grace, "Grace", "Hello Una, sorry for the wait");
			telegram.awaitMessage(una, text -> text.startsWith("Grace: Hello Una"), WAIT);

			telegram.sendText(GROUP, grace, "Grace", "/stats 3");

			assertThat(telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
					&& body.path("text").asText().startsWith("Last 3 days"), WAIT).text().split("\n"))
				.contains("Median first staff reply: 43 h 30 min (30 min of opening hours)");
		}
		finally {
			clock.set(clock.instant());
		}
	}

	/** Closes a request no one answered: the first /close is answered with a question, the second closes it. */
	private static void closeUnanswered(int topic, long staffId, String staffName) {
		assertThat(scenes.answerTo(topic, staffId, staffName, "/close").text())
			.startsWith("No one has answered this customer yet.");
		clock.advance(Duration.ofSeconds(5));
		scenes.inTopic(topic, staffId, staffName, "/close");
	}

	/** A customer's request closed by a staff member who did not answer, rated 1: its topic, and the alert there. */
	private record BadRating(long ticket, long conversation, int topic, FakeTelegram.Call alert) {
	}

	private static BadRating closedUnansweredAndRatedOne(long chat, String name, long staffId, String staffName) {
		long ticket = scenes.askForPerson(chat, name);
		int topic = scenes.topic(ticket);
		closeUnanswered(topic, staffId, staffName);
		FakeTelegram.Call question = ratingQuestion(chat);
		long conversation = conversationOf(question);
		telegram.sendCallback(chat, chat, "rate:" + conversation + ":1", question.result().path("message_id").asInt());
		FakeTelegram.Call alert = telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("text").asText().startsWith("Rated 1/5 by " + name), WAIT);
		return new BadRating(ticket, conversation, topic, alert);
	}

	/** The customer asks a question the bot answers. */
	private static void askAboutDelivery(long chat, String name) {
		telegram.sendText(chat, chat, name, "how much does delivery cost?");
		telegram.awaitMessage(chat, text -> text.contains("£"), WAIT);
	}

	/** The customer asks a question the bot answers, then ends the conversation. */
	private static void askThenEnd(long chat, String name) {
		askAboutDelivery(chat, name);
		telegram.sendText(chat, chat, name, "/end");
	}

	private void rate(long chat, int score) {
		FakeTelegram.Call question = ratingQuestion(chat);
		telegram.sendCallback(chat, chat, "rate:" + conversationOf(question) + ":" + score,
				question.result().path("message_id").asInt());
		telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == chat
				&& body.path("text").asText().startsWith("Anything we could do better?"), WAIT);
	}

	private static FakeTelegram.Call ratingQuestion(long chat) {
		return telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == chat
				&& body.path("text").asText().contains("How would you rate this conversation?"), WAIT);
	}

	/** The conversation a rating question is about, from its buttons. */
	private static long conversationOf(FakeTelegram.Call question) {
		List<String> data = question.body().path("reply_markup").findValuesAsText("callback_data");
		return Long.parseLong(data.get(0).split(":")[1]);
	}

	private static Instant london(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/London")).toInstant();
	}

	static class Clocks {

		@Bean
		@Primary
		SettableClock settableClock() {
			return clock;
		}
	}
}
