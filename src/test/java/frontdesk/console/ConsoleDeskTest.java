package frontdesk.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import frontdesk.SettableClock;
import frontdesk.conversation.ConversationService;
import frontdesk.conversation.CustomerDelivery;
import frontdesk.conversation.CustomerProfile;
import frontdesk.conversation.Inbound;
import frontdesk.conversation.Reply;
import frontdesk.conversation.Response;
import frontdesk.ticket.TicketView;
import frontdesk.ticket.Tickets;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The queue and the conversation view: Take, Reply and Close from the console do what they do in the staff group,
 * and what the customer is to get goes to their channel as an event.
 */
// the clock jumps here: quiet conversations are not closed meanwhile
@SpringBootTest(properties = "frontdesk.conversation.idle-check-every=1h")
@AutoConfigureMockMvc
@RecordApplicationEvents
@Import(ConsoleDeskTest.Clocks.class)
class ConsoleDeskTest {

	static final SettableClock clock = new SettableClock();

	@TestConfiguration
	static class Clocks {

		@Bean
		@Primary
		Clock settableClock() {
			return clock;
		}
	}

	private static final Pattern TICKET = Pattern.compile("#T-(\\d+)");

	private static final AtomicInteger customers = new AtomicInteger();

	@DynamicPropertySource
	static void users(DynamicPropertyRegistry registry) {
		ConsoleUsersForTests.register(registry, "console-desk", "grace", "alan");
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	ConversationService conversations;

	@Autowired
	Tickets tickets;

	@Autowired
	ApplicationEvents events;

	private static RequestPostProcessor grace() {
		return user("grace").roles("STAFF");
	}

	private static RequestPostProcessor alan() {
		return user("alan").roles("STAFF");
	}

	private CustomerProfile customer(String name) {
		return new CustomerProfile("web", "visitor-" + customers.incrementAndGet(), name, null);
	}

	private Response say(CustomerProfile customer, String text) {
		return conversations.handle(Inbound.text(customer, text, null));
	}

	/** The customer asks for a person; returns their ticket. */
	private TicketView asksForPerson(CustomerProfile customer) {
		Matcher number = TICKET.matcher(say(customer, "/human").replies().stream().map(Reply::text)
			.reduce("", String::concat));
		assertThat(number.find()).isTrue();
		return tickets.find(Long.parseLong(number.group(1))).orElseThrow();
	}

	private String queue() throws Exception {
		return queue(grace());
	}

	private String conversation(TicketView ticket, RequestPostProcessor who) throws Exception {
		return mvc.perform(get("/console/conversations/{id}", ticket.conversationId()).with(who))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String queue(RequestPostProcessor who) throws Exception {
		return mvc.perform(get("/console").with(who)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	static final String CLOSE_AGAIN = "No one has answered this customer yet. Close again within a minute to close the "
			+ "request without an answer.";

	private MvcResult act(TicketView ticket, String action, RequestPostProcessor who, String... text) throws Exception {
		var request = post("/console/tickets/{id}/{action}", ticket.id(), action).with(who).with(csrf());
		if (text.length > 0) {
			request.param("text", text[0]);
		}
		return mvc.perform(request).andExpect(status().isFound()).andReturn();
	}

	/** Closes a request no one answered: the first Close asks to be sure, the second closes. */
	private void closeUnanswered(TicketView ticket, RequestPostProcessor who) throws Exception {
		assertThat(act(ticket, "close", who).getFlashMap().get("notice")).isEqualTo(CLOSE_AGAIN);
		clock.advance(Duration.ofSeconds(5));
		assertThat(act(ticket, "close", who).getFlashMap().get("notice")).isEqualTo("Closed.");
	}

	private List<CustomerDelivery> deliveriesTo(CustomerProfile customer) {
		return events.stream(CustomerDelivery.class)
			.filter(delivery -> delivery.customer().externalId().equals(customer.externalId()))
			.toList();
	}

	@Nested
	class Queue {

		@Test
		void listsOpenRequestsFirstComeFirstServedWithTheirPromise() throws Exception {
			CustomerProfile ada = customer("Ada");
			CustomerProfile bea = customer("Bea");
			say(ada, "my parcel never came");
			TicketView first = asksForPerson(ada);
			TicketView second = asksForPerson(bea);

			String page = queue();

			assertThat(page).contains(first.number(), second.number(), "Ada", "Bea");
			assertThat(page.indexOf(first.number())).isLessThan(page.indexOf(second.number()));
			assertThat(page).containsPattern("left|overdue by").containsPattern("in hours|after hours")
				.contains("waiting · number");
			// the customer's last words, not the command that asked for a person
			assertThat(row(page, first)).contains("my parcel never came").doesNotContain("/human");
		}

		@Test
		void showsARequestPastItsPromiseAsOverdue() throws Exception {
			TicketView ticket = asksForPerson(customer("Cy"));

			String before = row(queue(), ticket);
			clock.set(ticket.promisedBy().plus(Duration.ofMinutes(90)));
			String after = row(queue(), ticket);

			assertThat(before).contains(" left").doesNotContain("overdue");
			assertThat(after).contains("ticket overdue").contains("class=\"due late\"").contains("overdue by 1 h 30 min");
		}

		@Test
		void showsAFollowUpOfABadRatingAsSuchNeverOverdue() throws Exception {
			TicketView asked = asksForPerson(customer("Di"));
			closeUnanswered(asked, grace());
			TicketView followUp = conversations.followUp(asked.conversationId());

			clock.set(followUp.promisedBy().plus(Duration.ofMinutes(90)));
			String row = row(queue(), followUp);

			assertThat(row).contains("follow-up of a bad rating").doesNotContain("overdue").doesNotContain(" left");
		}

		/** The queue's entry for a ticket. */
		private static String row(String page, TicketView ticket) {
			int start = page.indexOf("id=\"ticket-" + ticket.id() + "\"");
			return page.substring(page.lastIndexOf("<li", start), page.indexOf("</li>", start));
		}
	}

	@Nested
	class Take {

		@Test
		void makesTheRequestMineAndTellsASecondTakerWhoHasIt() throws Exception {
			TicketView ticket = asksForPerson(customer("Dee"));

			assertThat((String) act(ticket, "take", grace()).getFlashMap().get("notice")).startsWith("It's yours.");
			assertThat(act(ticket, "take", alan()).getFlashMap().get("notice"))
				.isEqualTo("Grace already has this one. Take it again within a minute to take it over.");

			assertThat(tickets.find(ticket.id()).orElseThrow().takenById()).isEqualTo("console:grace");
			assertThat(queue()).contains("Grace (you)");
		}

		@Test
		void aSecondTakeWithinAMinuteTakesOverARequestAColleagueHas() throws Exception {
			TicketView ticket = asksForPerson(customer("Fern"));
			act(ticket, "take", grace());
			assertThat(queue(alan())).contains("aria-label=\"Take over " + ticket.number() + "\"");
			assertThat(queue()).doesNotContain("Take over " + ticket.number());
			assertThat(conversation(ticket, alan())).contains(">Take over</button>", "Held by Grace<");
			assertThat(conversation(ticket, grace())).doesNotContain("Take over").contains("Held by Grace (you)");

			assertThat(act(ticket, "take", alan()).getFlashMap().get("notice"))
				.isEqualTo("Grace already has this one. Take it again within a minute to take it over.");
			clock.advance(Duration.ofSeconds(5));
			assertThat(act(ticket, "take", alan()).getFlashMap().get("notice")).isEqualTo("It's yours now.");

			assertThat(tickets.find(ticket.id()).orElseThrow().takenById()).isEqualTo("console:alan");
			assertThat(queue(alan())).contains("Alan (you)");
		}
	}

	@Nested
	class Replying {

		@Test
		void sendsTheReplyToTheCustomerSignedWithTheStaffName() throws Exception {
			CustomerProfile eve = customer("Eve");
			TicketView ticket = asksForPerson(eve);

			MvcResult sent = act(ticket, "reply", grace(), "  Hi Eve, I'm on it  ");

			assertThat(sent.getFlashMap().get("notice")).isEqualTo("Sent.");
			assertThat(deliveriesTo(eve)).extracting(delivery -> delivery.reply().text())
				.containsExactly("Grace: Hi Eve, I'm on it");
			assertThat(tickets.find(ticket.id()).orElseThrow().takenBy()).isEqualTo("Grace");
			mvc.perform(get("/console/conversations/{id}", ticket.conversationId()).with(grace()))
				// who wrote it is kept apart from what the customer saw, and named once
				.andExpect(content().string(containsString("<strong>Grace</strong>")))
				.andExpect(content().string(containsString(">Hi Eve, I&#39;m on it</div>")))
				.andExpect(content().string(not(containsString("Grace: Hi Eve"))));
		}

		@Test
		void twoStaffRepliesAtTheSameMomentBothGoOut(@Autowired JdbcTemplate jdbc) throws Exception {
			for (int round = 0; round < 8; round++) {
				CustomerProfile kay = customer("Kay");
				TicketView ticket = asksForPerson(kay);
				CyclicBarrier together = new CyclicBarrier(2);

				// both take the untaken request as they answer it: one of them finds it changed under their hands
				CompletableFuture<MvcResult> grace = CompletableFuture.supplyAsync(() -> replyAfter(together, ticket,
						grace(), "Grace here"));
				MvcResult alan = replyAfter(together, ticket, alan(), "Alan here");

				assertThat(grace.get(20, TimeUnit.SECONDS).getFlashMap().get("notice")).isEqualTo("Sent.");
				assertThat(alan.getFlashMap().get("notice")).isEqualTo("Sent.");
				// as delivered (a try that was undone delivered nothing)
				assertThat(jdbc.queryForObject("select count(*) from web_line where visitor_id = ? and author = 'STAFF'",
						Integer.class, kay.externalId())).isEqualTo(2);
			}
		}

		private MvcResult replyAfter(CyclicBarrier together, TicketView ticket, RequestPostProcessor who, String text) {
			try {
				together.await(10, TimeUnit.SECONDS);
				return act(ticket, "reply", who, text);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Test
		void countsALineBreakAsOneCharacterAsTheReplyBoxDoes() throws Exception {
			CustomerProfile ann = customer("Ann");
			TicketView ticket = asksForPerson(ann);
			// 400 lines fill the box's 4,000 characters; a form sends each line break as two
			List<String> lines = Collections.nCopies(400, "Step one.");
			assertThat(String.join("\n", lines)).hasSizeLessThanOrEqualTo(ConsoleDesk.MAX_REPLY);

			MvcResult sent = act(ticket, "reply", grace(), String.join("\r\n", lines));

			assertThat(sent.getFlashMap().get("notice")).isEqualTo("Sent.");
			assertThat(deliveriesTo(ann)).extracting(delivery -> delivery.reply().text())
				.containsExactly("Grace: " + String.join("\n", lines));
		}

		@Test
		void dropsANulCharacterWhichCannotBeStored() throws Exception {
			CustomerProfile kim = customer("Kim");
			TicketView ticket = asksForPerson(kim);

			assertThat(act(ticket, "reply", grace(), "Order\u0000 sent").getFlashMap().get("notice")).isEqualTo("Sent.");
			assertThat(act(ticket, "reply", grace(), "\u0000").getFlashMap().get("problem"))
				.isEqualTo("Write something to send.");
			assertThat(deliveriesTo(kim)).extracting(delivery -> delivery.reply().text())
				.containsExactly("Grace: Order sent");
		}

		@Test
		void goesBackToTheConversationWhenSentFromThere() throws Exception {
			TicketView ticket = asksForPerson(customer("Fay"));

			mvc.perform(post("/console/tickets/{id}/reply", ticket.id()).param("text", "Hello")
				.param("back", "conversation")
				.with(grace())
				.with(csrf())).andExpect(redirectedUrl("/console/conversations/" + ticket.conversationId()));
		}

		@Test
		void sendsNothingEmpty() throws Exception {
			CustomerProfile gus = customer("Gus");
			TicketView ticket = asksForPerson(gus);

			assertThat(act(ticket, "reply", grace(), "   ").getFlashMap().get("problem"))
				.isEqualTo("Write something to send.");
			assertThat(deliveriesTo(gus)).isEmpty();
		}

		@Test
		void keepsANoteForColleaguesFromTheCustomer() throws Exception {
			CustomerProfile ian = customer("Ian");
			TicketView ticket = asksForPerson(ian);

			assertThat(act(ticket, "reply", grace(), "#note check the warehouse first").getFlashMap().get("problem"))
				.isEqualTo("Not sent: notes for colleagues (#note, //) belong in the customer's topic in the staff group.");
			assertThat(act(ticket, "reply", grace(), "// ask Bob").getFlashMap().get("problem")).asString()
				.startsWith("Not sent: notes");
			assertThat(deliveriesTo(ian)).isEmpty();
		}

		@Test
		void sendsNothingToACustomerWhoBlockedTheBotAndKeepsTheDraft() throws Exception {
			CustomerProfile bo = new CustomerProfile("telegram", String.valueOf(7_300_000_000L + customers.incrementAndGet()),
					"Bo", null);
			TicketView ticket = asksForPerson(bo);
			conversations.blocked(bo.channel(), bo.externalId(), true);

			MvcResult result = act(ticket, "reply", grace(), "Your refund is on its way");

			assertThat(result.getFlashMap().get("problem")).isEqualTo(
					"Not sent: this customer blocked the bot. Nothing reaches them until they start the bot again.");
			assertThat(result.getFlashMap().get("draft")).isEqualTo("Your refund is on its way");
			assertThat(deliveriesTo(bo)).extracting(delivery -> delivery.reply().text())
				.noneMatch(text -> text.contains("refund"));
		}

		@Test
		void aReplyRefusedFromTheQueueComesBackInItsBox() throws Exception {
			TicketView ticket = asksForPerson(customer("Kim"));

			MvcResult refused = act(ticket, "reply", grace(), "// check the stock first");
			String page = mvc.perform(get("/console").with(grace()).flashAttrs(refused.getFlashMap()))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

			assertThat(page).containsPattern("id=\"reply-" + ticket.id() + "\"[^>]*>// check the stock first</textarea>");
			assertThat(page).doesNotContainPattern("id=\"reply-(?!" + ticket.id() + "\")\\d+\"[^>]*>[^<]+</textarea>");
		}

		@Test
		void sendsNothingOnceTheRequestIsClosed() throws Exception {
			CustomerProfile hal = customer("Hal");
			TicketView ticket = asksForPerson(hal);
			closeUnanswered(ticket, grace());

			assertThat(act(ticket, "reply", grace(), "Are you still there?").getFlashMap().get("problem"))
				.isEqualTo("Not sent: this request is no longer open.");
			assertThat(deliveriesTo(hal)).extracting(delivery -> delivery.reply().text())
				.noneMatch(text -> text.contains("still there"));
		}
	}

	@Nested
	class ReportsPage {

		@Test
		void theRatingFigureAndTheChartsCountTheSameDays() throws Exception {
			ZoneId london = ZoneId.of("Europe/London");
			try {
				clock.set(LocalDateTime.parse("2026-11-20T20:00").atZone(london).toInstant());
				CustomerProfile pat = customer("Pat");
				say(pat, "hello");
				Reply goodbye = say(pat, "/end").replies().get(0);
				conversations.handle(Inbound.button(pat, goodbye.buttons().get(4).data()));
				// 29 and a half days later, on the morning of 20 December: the page shows 21 November to 20 December
				clock.set(clock.instant().plus(Duration.ofDays(29).plusHours(12)));

				String page = mvc.perform(get("/console/reports").with(grace())).andReturn().getResponse()
					.getContentAsString();
				JsonNode charts = new ObjectMapper().readTree(mvc.perform(get("/console/reports/charts").with(grace()))
					.andReturn().getResponse().getContentAsString());

				Matcher figure = Pattern.compile("<div class=\"name\">Rating</div>\\s*<div class=\"value\">[^<]*</div>"
						+ "\\s*<div class=\"detail\">(\\d+) ratings?</div>").matcher(page);
				assertThat(figure.find()).isTrue();
				int rated = Integer.parseInt(figure.group(1));
				assertThat(charts.path("days").get(0).asText()).isEqualTo("21 Nov");
				assertThat(sum(charts.path("counts"))).isEqualTo(rated);
				assertThat(sum(charts.path("distribution"))).isEqualTo(rated);
			}
			finally {
				clock.set(Instant.now());
			}
		}

		private static int sum(JsonNode numbers) {
			int sum = 0;
			for (JsonNode number : numbers) {
				sum += number.asInt();
			}
			return sum;
		}
	}

	@Nested
	class Closing {

		@Test
		void endsTheConversationWithTheRatingQuestionAndListsItAsClosed() throws Exception {
			CustomerProfile ida = customer("Ida");
			TicketView ticket = asksForPerson(ida);

			clock.freeze(clock.instant());
			try {
				assertThat(act(ticket, "close", grace()).getFlashMap().get("notice")).isEqualTo(CLOSE_AGAIN);
				assertThat(act(ticket, "close", grace()).getFlashMap().get("notice")).as("the same click twice")
					.isEqualTo(CLOSE_AGAIN);
				assertThat(deliveriesTo(ida)).isEmpty();
				clock.advance(Duration.ofSeconds(5));
				assertThat(act(ticket, "close", grace()).getFlashMap().get("notice")).isEqualTo("Closed.");
			}
			finally {
				clock.set(clock.instant());
			}

			assertThat(deliveriesTo(ida)).singleElement().satisfies(goodbye -> assertThat(goodbye.reply().buttons())
				.extracting(Reply.Button::data)
				.containsExactly("rate:%d:1".formatted(ticket.conversationId()), "rate:%d:2".formatted(ticket.conversationId()),
						"rate:%d:3".formatted(ticket.conversationId()), "rate:%d:4".formatted(ticket.conversationId()),
						"rate:%d:5".formatted(ticket.conversationId())));
			assertThat(tickets.openFor(ticket.conversationId())).isEmpty();
			String page = queue();
			assertThat(page.substring(page.indexOf("Recently closed"))).contains(ticket.number(), "closed by Grace");
			assertThat(act(ticket, "close", alan()).getFlashMap().get("notice")).isEqualTo("This request is no longer open.");
		}

		@Test
		void namesWhoClosedARequestNotWhoTookIt() throws Exception {
			TicketView ticket = asksForPerson(customer("Ned"));
			act(ticket, "take", grace());
			closeUnanswered(ticket, alan());

			String page = queue();
			String closed = page.substring(page.indexOf("Recently closed"));
			String row = closed.substring(closed.indexOf(ticket.number()));
			assertThat(row.substring(0, row.indexOf("</tr>"))).contains("closed by Alan");
			mvc.perform(get("/console/conversations/{id}", ticket.conversationId()).with(grace()))
				.andExpect(content().string(containsString("Taken by Grace")))
				.andExpect(content().string(containsString("Closed by Alan")));
		}

		@Test
		void saysTheCustomerEndedARequestAStaffMemberHadAnswered() throws Exception {
			CustomerProfile lou = customer("Lou");
			TicketView ticket = asksForPerson(lou);
			act(ticket, "reply", grace(), "Hi Lou, looking now");

			say(lou, "/end");

			String page = queue();
			String closed = page.substring(page.indexOf("Recently closed"));
			String row = closed.substring(closed.indexOf(ticket.number()));
			assertThat(row.substring(0, row.indexOf("</tr>"))).contains("ended by the customer").doesNotContain("Grace");
		}

		@Test
		void listsARequestClosedJustNowThoughManyNewerOnesAreOpen() throws Exception {
			TicketView early = asksForPerson(customer("Una"));
			for (int i = 0; i < 2 * QueueController.RECENT + 1; i++) {
				asksForPerson(customer("Vic"));
			}

			closeUnanswered(early, grace());

			String page = queue();
			assertThat(page.substring(page.indexOf("Recently closed"))).contains(early.number());
		}
	}

	@Nested
	class Forgetting {

		@Test
		void erasesWhatTheCustomerWroteAndWasToldTheirNameAndTheirRatingsWordsAndKeepsTheFigures(
				@Autowired JdbcTemplate jdbc) throws Exception {
			CustomerProfile nia = customer("Nia");
			say(nia, "my address is 1 Long Lane");
			TicketView ticket = asksForPerson(nia);
			act(ticket, "reply", grace(), "Thanks Nia, noted");
			act(ticket, "close", grace());
			conversations.handle(Inbound.button(nia, "rate:%d:2".formatted(ticket.conversationId())));
			say(nia, "too slow, Nia Jones");
			long customerId = ticket.customerId();
			String visitor = nia.externalId();
			assertThat(jdbc.queryForObject("select count(*) from web_line where visitor_id = ?", Long.class, visitor))
				.isPositive();

			assertThat(conversation(ticket, grace())).contains("forget this customer…");
			mvc.perform(get("/console/customers/{id}/forget", customerId).with(grace()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Forget <span>Nia</span>?")))
				.andExpect(content().string(containsString("Sign out")));
			MvcResult done = mvc.perform(post("/console/customers/{id}/forget", customerId).with(grace()).with(csrf()))
				.andExpect(redirectedUrl("/console"))
				.andReturn();

			assertThat((String) done.getFlashMap().get("notice")).startsWith("Forgotten: ").contains("of 1 conversation");
			assertThat(jdbc.queryForObject("select count(*) from conversation_message m join conversation c "
					+ "on m.conversation_id = c.id where c.customer_id = ?", Long.class, customerId)).isZero();
			assertThat(jdbc.queryForObject("select count(*) from web_line where visitor_id = ?", Long.class, visitor))
				.isZero();
			assertThat(jdbc.queryForMap("select first_name, external_id from customer where id = ?", customerId))
				.containsEntry("FIRST_NAME", null)
				.containsEntry("EXTERNAL_ID", "forgotten-" + customerId);
			assertThat(jdbc.queryForMap("select score, comment from rating where customer_id = ?", customerId))
				.containsEntry("SCORE", 2)
				.containsEntry("COMMENT", null);
			assertThat(jdbc.queryForObject("select count(*) from ticket where customer_id = ?", Long.class, customerId))
				.isOne();
			String page = conversation(ticket, grace());
			assertThat(page).doesNotContain("Nia", "1 Long Lane", "noted", "too slow", "forget this customer")
				.contains("web (forgotten)");

			// whoever writes from there again is someone new
			say(nia, "hello again");
			assertThat(jdbc.queryForObject("select count(*) from customer where external_id = ?", Long.class, visitor))
				.isOne();
			assertThat(jdbc.queryForObject("select id from customer where external_id = ?", Long.class, visitor))
				.isNotEqualTo(customerId);
		}

		@Test
		void forgetsNoOneWhileTheirConversationIsOpenNorTwice(@Autowired JdbcTemplate jdbc) throws Exception {
			CustomerProfile oz = customer("Oz");
			TicketView ticket = asksForPerson(oz);
			String page = "/console/customers/" + ticket.customerId() + "/forget";

			mvc.perform(post(page).with(grace()).with(csrf())).andExpect(redirectedUrl(page));
			mvc.perform(get(page).with(grace()))
				.andExpect(content().string(containsString("This customer has a conversation open.")))
				.andExpect(content().string(not(containsString("<button type=\"submit\" class=\"forget\""))));
			assertThat(jdbc.queryForObject("select first_name from customer where id = ?", String.class,
					ticket.customerId())).isEqualTo("Oz");

			act(ticket, "close", grace());
			clock.advance(Duration.ofSeconds(5));
			assertThat(act(ticket, "close", grace()).getFlashMap().get("notice")).isEqualTo("Closed.");
			mvc.perform(post(page).with(grace()).with(csrf())).andExpect(redirectedUrl("/console"));
			mvc.perform(post(page).with(grace()).with(csrf())).andExpect(redirectedUrl(page));
			mvc.perform(get(page).with(grace()))
				.andExpect(content().string(containsString("This customer was forgotten already.")));
			mvc.perform(post("/console/customers/{id}/forget", 987_654_321L).with(grace()).with(csrf()))
				.andExpect(status().isNotFound());
		}
	}

	@Nested
	class ConversationView {

		@Test
		void listsTheCustomersEarlierConversationsNewestFirstWithWhatTheyFirstWrote() throws Exception {
			CustomerProfile kim = customer("Kim");
			say(kim, "/start");
			say(kim, "where is my <b>parcel</b>?");
			say(kim, "/end");
			say(kim, "do you sell gift cards?");
			say(kim, "/end");
			TicketView ticket = asksForPerson(kim);

			String page = conversation(ticket, grace());
			assertThat(page).contains("<h2>Earlier conversations</h2>")
				.containsSubsequence("do you sell gift cards?", "where is my &lt;b&gt;parcel&lt;/b&gt;?")
				.doesNotContain("<b>parcel</b>");
			assertThat(page.substring(page.indexOf("Earlier conversations"))).doesNotContain("/start", "/end");
			assertThat(conversation(asksForPerson(customer("Lee")), grace())).doesNotContain("Earlier conversations");
		}

		@Test
		void showsTheTranscriptTheRequestsTimelineAndTheRating() throws Exception {
			CustomerProfile jo = customer("Jo");
			say(jo, "hello");
			TicketView ticket = asksForPerson(jo);
			act(ticket, "take", grace());
			act(ticket, "reply", grace(), "Hi Jo, how can I help?");
			act(ticket, "close", grace());
			conversations.handle(Inbound.button(jo, "rate:%d:4".formatted(ticket.conversationId())));
			say(jo, "quick and friendly");

			mvc.perform(get("/console/conversations/{id}", ticket.conversationId()).with(grace()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Conversation with <span>Jo</span>")))
				.andExpect(content().string(containsString("answered: greeting (")))
				.andExpect(content().string(containsString(">Hi Jo, how can I help?</div>")))
				.andExpect(content().string(containsString("Asked for a person")))
				.andExpect(content().string(containsString("Taken by Grace")))
				.andExpect(content().string(containsString("First answer from a person (promise kept)")))
				.andExpect(content().string(containsString("Closed by Grace")))
				.andExpect(content().string(containsString("closed by staff")))
				.andExpect(content().string(containsString("4 / 5")))
				.andExpect(content().string(containsString("quick and friendly")));
		}

		@Test
		void offersTakeReplyAndCloseWhileTheRequestIsOpen() throws Exception {
			TicketView ticket = asksForPerson(customer("Kim"));

			mvc.perform(get("/console/conversations/{id}", ticket.conversationId()).with(grace()))
				.andExpect(content().string(containsString("/console/tickets/" + ticket.id() + "/take")))
				.andExpect(content().string(containsString("/console/tickets/" + ticket.id() + "/reply")))
				.andExpect(content().string(containsString("/console/tickets/" + ticket.id() + "/close")));
		}

		@Test
		void showsAFollowUpOfABadRatingWithoutAPromise() throws Exception {
			TicketView asked = asksForPerson(customer("Flo"));
			closeUnanswered(asked, grace());
			TicketView followUp = conversations.followUp(asked.conversationId());
			clock.set(followUp.promisedBy().plus(Duration.ofMinutes(90)));
			act(followUp, "reply", grace(), "Sorry Flo, let me put it right");

			mvc.perform(get("/console/conversations/{id}", followUp.conversationId()).with(grace()))
				.andExpect(content().string(containsString("Follow-up of a bad rating: no time was promised")))
				.andExpect(content().string(containsString("First answer from a person<")))
				.andExpect(content().string(not(containsString("promise missed"))))
				.andExpect(content().string(not(containsString("promised by"))));
		}

		@Test
		void showsAPromiseMissedByARequestThatEndedUnansweredBeforeTheWatchLooked() throws Exception {
			CustomerProfile gil = customer("Gil");
			TicketView ticket = asksForPerson(gil);
			clock.set(ticket.promisedBy().plus(Duration.ofMinutes(1)));
			say(gil, "/end");

			mvc.perform(get("/console/conversations/{id}", ticket.conversationId()).with(grace()))
				.andExpect(content().string(containsString("Promise missed: no answer<")));
		}

		@Test
		void saysSoWhenThereIsNoSuchConversation() throws Exception {
			mvc.perform(get("/console/conversations/987654321").with(grace())).andExpect(status().isNotFound());
		}
	}

	@Nested
	class Escaping {

		static final String SCRIPT = "<script>alert(1)</script>";

		@Test
		void showsACustomersMarkupAsTextInTheQueueAndTheConversation() throws Exception {
			CustomerProfile mallory = new CustomerProfile("web", "visitor-x" + customers.incrementAndGet(),
					"<b onmouseover=alert(2)>Mal</b>", null);
			TicketView ticket = asksForPerson(mallory);
			say(mallory, SCRIPT);

			String page = queue();
			assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(SCRIPT)
				.contains("&lt;b onmouseover=alert(2)&gt;Mal&lt;/b&gt;").doesNotContain("<b onmouseover");
			mvc.perform(get("/console/conversations/{id}", ticket.conversationId()).with(grace()))
				.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
				.andExpect(content().string(not(containsString(SCRIPT))))
				.andExpect(content().string(not(containsString("<b onmouseover"))));
		}

		@Test
		void showsAnUnansweredQuestionsMarkupAsTextInTheReports() throws Exception {
			say(customer("Ned"), "<img src=x onerror=alert(3)> zqxv wobble");

			mvc.perform(get("/console/reports").with(grace()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("&lt;img src=x onerror=alert(3)&gt; zqxv wobble")))
				.andExpect(content().string(not(containsString("<img src=x"))));
		}
	}
}
