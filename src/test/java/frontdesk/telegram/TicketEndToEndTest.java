package frontdesk.telegram;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import frontdesk.SettableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asking for a person over Telegram, in hours, after hours and on a holiday, on the default schedule (Europe/London,
 * Monday to Friday 09:00-17:30, Saturday 10:00-14:00, PT2H) with Christmas Day closed. The clock only moves forward
 * from test to test, as a real one does.
 */
@SpringBootTest
@Import(TicketEndToEndTest.Clocks.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TicketEndToEndTest {

	static final Duration WAIT = Duration.ofSeconds(10);

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	static final SettableClock clock = new SettableClock();

	static final FakeTelegram telegram = FakeTelegram.start().dated(clock);

	static {
		clock.set(london("2026-11-21T15:00"));
	}

	private static final AtomicLong chats = new AtomicLong(7_000_000_000L);

	private static final Pattern TICKET = Pattern.compile("#T-\\d{6}");

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void telegram(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.telegram.token", telegram::token);
		registry.add("frontdesk.telegram.api-url", telegram::url);
		registry.add("frontdesk.telegram.poll-timeout", () -> "1s");
		registry.add("frontdesk.hours.closed-dates", () -> "2026-12-25");
		registry.add("frontdesk.data-dir", () -> "./target/test-data/tickets-e2e-" + UUID.randomUUID());
		// the dialogue's mechanics, checked on the lexical matcher's verdicts, which these texts were chosen for
		registry.add("frontdesk.matching.model", () -> "lexical");
	}

	@AfterAll
	static void stopTelegram() {
		telegram.close();
	}

	private static Instant london(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
	}

	private static String ticketIn(String text) {
		Matcher matcher = TICKET.matcher(text);
		assertThat(matcher.find()).as("a ticket number in: " + text).isTrue();
		return matcher.group();
	}

	private String ask(long chat, String text) {
		int before = telegram.sentTexts(chat).size();
		telegram.sendText(chat, chat, "Ada", text);
		telegram.awaitCall(call -> call.is("sendMessage") && !call.failed()
				&& call.body().path("chat_id").asLong() == chat && telegram.sentTexts(chat).size() > before, WAIT);
		return telegram.sentTexts(chat).get(before);
	}

	@Test
	@Order(1)
	void promisesMondayElevenAfterHoursOnSaturdayAfternoon() {
		long chat = chats.incrementAndGet();

		String promise = ask(chat, "/human");

		assertThat(promise).matches("We're closed now and open again Monday at 09:00\\. Your request is #T-\\d{6}; a "
				+ "person will answer by Monday 11:00 \\(Europe/London\\)\\. Anything you add here goes into the same "
				+ "request\\.");
		assertThat(telegram.sentMessages(chat).get(0).body().path("reply_markup").findValuesAsText("callback_data"))
			.singleElement().asString().startsWith("withdraw:");
	}

	@Test
	@Order(2)
	void saysWhenItOpensAgainWhenAskedWhetherItIsOpenAfterHours() {
		long chat = chats.incrementAndGet();

		assertThat(ask(chat, "are you open right now?")).isEqualTo("We're closed right now and open again Monday at "
				+ "09:00. Our hours are Monday to Friday 09:00–17:30, Saturday 10:00–14:00; closed on Sunday.");
	}

	@Test
	@Order(3)
	void repeatsTheSameTicketWhenAskedAgainAndAttachesWhatFollows() {
		long chat = chats.incrementAndGet();
		String ticket = ticketIn(ask(chat, "I want to talk to a real person"));

		assertThat(ticketIn(ask(chat, "/human"))).isEqualTo(ticket);
		String acknowledgement = ask(chat, "my order number is 48213 and the lamp is cracked");
		assertThat(acknowledgement).contains("added that to your request " + ticket);
		telegram.sendText(chat, chat, "Ada", "also the box was wet");
		assertThat(ask(chat, "how much does delivery cost?")).contains("£");

		Long ticketId = Long.valueOf(ticket.substring(3));
		Integer attached = jdbc.queryForObject(
				"select count(*) from conversation_message where ticket_id = ? and author = 'CUSTOMER'", Integer.class,
				ticketId);
		assertThat(attached).isEqualTo(5);
		assertThat(telegram.sentTexts(chat)).hasSize(4);
		Integer tickets = jdbc.queryForObject("select count(*) from ticket where conversation_id = "
				+ "(select conversation_id from ticket where id = ?)", Integer.class, ticketId);
		assertThat(tickets).isEqualTo(1);
	}

	@Test
	@Order(4)
	void letsTheCustomerWithdrawTheRequest() {
		long chat = chats.incrementAndGet();
		String ticket = ticketIn(ask(chat, "/human"));

		telegram.sendCallback(chat, chat, "withdraw:" + Long.valueOf(ticket.substring(3)), 1);
		telegram.awaitMessage(chat, text -> text.contains("cancelled request " + ticket), WAIT);

		assertThat(ticketIn(ask(chat, "/human"))).isNotEqualTo(ticket);
	}

	@Test
	@Order(5)
	void givesTheQueuePositionInHours() {
		clock.set(london("2026-11-23T10:00"));
		long first = chats.incrementAndGet();
		long second = chats.incrementAndGet();

		String firstPromise = ask(first, "/human");
		String secondPromise = ask(second, "/human");

		assertThat(firstPromise).startsWith("A person will be with you shortly — you are number ");
		int position = Integer.parseInt(firstPromise.replaceAll("(?s).*you are number (\\d+) in the queue.*", "$1"));
		assertThat(secondPromise).contains("you are number " + (position + 1) + " in the queue")
			.contains("we'll answer by Monday 12:00 (Europe/London) at the latest.");
		assertThat(ask(chats.incrementAndGet(), "are you open right now?")).startsWith("Yes, we're open now. Our hours are");
	}

	@Test
	@Order(6)
	void saysTheAnswerMayComeTomorrowRatherThanShortlyJustBeforeClosing() {
		clock.set(london("2026-11-24T16:30"));
		long chat = chats.incrementAndGet();

		assertThat(ask(chat, "/human")).startsWith("We close soon, so a person will answer by Wednesday 10:00 at the latest "
				+ "(Europe/London): you are number").doesNotContain("shortly");
	}

	@Test
	@Order(7)
	void treatsAClosedDateAsAfterHours() {
		clock.set(london("2026-12-25T11:00"));
		long chat = chats.incrementAndGet();

		assertThat(ask(chat, "/human")).startsWith("We're closed now and open again Saturday at 10:00.")
			.contains("a person will answer by Saturday 12:00 (Europe/London)");
	}

	static class Clocks {

		@Bean
		@Primary
		SettableClock settableClock() {
			return clock;
		}
	}
}
