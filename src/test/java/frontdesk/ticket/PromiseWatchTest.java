package frontdesk.ticket;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import frontdesk.SettableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promise watch on the default schedule (Europe/London, Monday to Friday 09:00-17:30, Saturday 10:00-14:00,
 * response time PT2H, reminder PT30M), with a clock the test sets.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@TestPropertySource(properties = { "frontdesk.data-dir=./target/test-data/tickets-${random.uuid}",
		"frontdesk.hours.check-every=1h" })
@Import(PromiseWatchTest.Clocks.class)
class PromiseWatchTest {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	@Autowired
	Tickets tickets;

	@Autowired
	PromiseWatch watch;

	@Autowired
	SettableClock clock;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	private static Instant london(String localDateTime) {
		return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
	}

	@Test
	void promisesMondayElevenForASaturdayAfternoonRequest() {
		clock.freeze(london("2026-11-21T15:00"));

		TicketView ticket = tickets.open(101L, 1L);

		assertThat(ticket.afterHours()).isTrue();
		assertThat(ticket.promisedBy()).isEqualTo(london("2026-11-23T11:00"));
		assertThat(ticket.number()).matches("#T-\\d{6}");
	}

	@Test
	void remindsTheStaffOnceBeforeThePromiseIsDue(Scenario scenario, AssertablePublishedEvents events) {
		clock.freeze(london("2026-11-23T10:00"));
		TicketView ticket = tickets.open(102L, 1L);
		clock.freeze(london("2026-11-23T11:31"));

		scenario.stimulate(() -> watch.check())
			.andWaitForEventOfType(PromiseReminderDue.class)
			.matching(reminder -> reminder.ticket().id() == ticket.id())
			.toArriveAndVerify(reminder -> assertThat(reminder.ticket().promisedBy()).isEqualTo(london("2026-11-23T12:00")));
		watch.check();

		assertThat(events.ofType(PromiseReminderDue.class).matching(reminder -> reminder.ticket().id() == ticket.id()))
			.hasSize(1);
	}

	@Test
	void remindsOfAPromiseDueJustAfterOpeningWhenItOpensNotWhileClosed(AssertablePublishedEvents events) {
		// 1 h 45 min of Friday's hours are left, so the other 15 min come on Saturday after 10:00
		clock.freeze(london("2026-11-13T15:45"));
		TicketView ticket = tickets.open(110L, 1L);
		assertThat(ticket.promisedBy()).isEqualTo(london("2026-11-14T10:15"));

		// the last half hour of opening hours before the promise begins on Friday evening, and half an hour of the
		// clock before it the shop is closed still: no one is there to read a reminder
		for (String closed : List.of("2026-11-13T17:15", "2026-11-13T23:00", "2026-11-14T09:45", "2026-11-14T09:59")) {
			clock.freeze(london(closed));
			watch.check();
		}
		assertThat(events.ofType(PromiseReminderDue.class).matching(due -> due.ticket().id() == ticket.id())).isEmpty();

		clock.freeze(london("2026-11-14T10:00"));
		watch.check();
		assertThat(events.ofType(PromiseReminderDue.class).matching(due -> due.ticket().id() == ticket.id())).hasSize(1);
	}

	@Test
	void saysOnceThatAPromiseWasMissed(AssertablePublishedEvents events) {
		clock.freeze(london("2026-11-23T10:00"));
		TicketView ticket = tickets.open(103L, 1L);

		clock.freeze(london("2026-11-23T12:00:01"));
		watch.check();
		watch.check();

		assertThat(events.ofType(PromiseMissed.class).matching(missed -> missed.ticket().id() == ticket.id())).hasSize(1);
	}

	@Test
	void aFirstReplyInTimeKeepsThePromiseAndStopsTheAlerts(AssertablePublishedEvents events) {
		clock.freeze(london("2026-11-23T10:00"));
		TicketView ticket = tickets.open(104L, 1L);
		tickets.staffReplied(ticket.id(), new StaffMember("telegram:1", "Grace"));

		clock.freeze(london("2026-11-23T13:00"));
		watch.check();

		assertThat(events.ofType(PromiseMissed.class).matching(missed -> missed.ticket().id() == ticket.id())).isEmpty();
		assertThat(events.ofType(PromiseReminderDue.class).matching(due -> due.ticket().id() == ticket.id())).isEmpty();
	}

	@Test
	void sumsUpTheNightsTicketsOnceAtOpeningOldestFirst(AssertablePublishedEvents events) {
		clock.freeze(london("2026-11-24T20:00"));
		// a new database sets the watch's last look to the real time, which may lie after the days this test plays
		jdbc.update("update ticket_watch set last_checked_at = ?, last_summary_at = ?",
				london("2026-11-24T19:00").atOffset(java.time.ZoneOffset.UTC),
				london("2026-11-24T19:00").atOffset(java.time.ZoneOffset.UTC));
		watch.check();
		TicketView first = tickets.open(105L, 1L);
		clock.freeze(london("2026-11-24T23:00"));
		TicketView second = tickets.open(106L, 2L);

		clock.freeze(london("2026-11-25T09:00:30"));
		watch.check();
		clock.freeze(london("2026-11-25T09:01:00"));
		watch.check();

		assertThat(events.ofType(OpeningSummary.class)).singleElement().satisfies(summary -> {
			assertThat(summary.waiting()).extracting(TicketView::id).containsSubsequence(first.id(), second.id());
			assertThat(summary.openedAt()).isEqualTo(london("2026-11-25T09:00:30"));
		});
	}

	@Test
	void sumsUpAnOpeningTheAppWasNotRunningForAndOnlyTheNewTickets(AssertablePublishedEvents events) {
		clock.freeze(london("2026-11-26T16:00"));
		watch.check();
		clock.freeze(london("2026-11-26T19:00"));
		TicketView evening = tickets.open(108L, 1L);

		clock.freeze(london("2026-11-27T11:00"));
		watch.check();
		clock.freeze(london("2026-11-27T20:00"));
		TicketView night = tickets.open(109L, 1L);
		clock.freeze(london("2026-11-28T10:30"));
		watch.check();

		List<OpeningSummary> summaries = new ArrayList<>();
		events.ofType(OpeningSummary.class).forEach(summaries::add);
		assertThat(summaries).hasSize(2);
		OpeningSummary friday = summaries.get(0);
		OpeningSummary saturday = summaries.get(1);
		assertThat(friday.waiting()).extracting(TicketView::id).contains(evening.id()).doesNotContain(night.id());
		assertThat(saturday.waiting()).extracting(TicketView::id).containsExactly(night.id());
	}

	@Test
	void announcesThatAWithdrawnTicketLeftTheQueue(AssertablePublishedEvents events) {
		clock.freeze(london("2026-11-23T10:00"));
		TicketView ticket = tickets.open(110L, 1L);

		tickets.withdraw(110L);

		assertThat(events.ofType(TicketEnded.class).matching(ended -> ended.ticket().id() == ticket.id()))
			.singleElement()
			.satisfies(ended -> assertThat(ended.ending()).isEqualTo(TicketEnded.Ending.WITHDRAWN));
	}

	@Test
	void keepsOneOpenTicketPerConversation() {
		clock.freeze(london("2026-11-23T10:00"));
		TicketView ticket = tickets.open(107L, 1L);

		assertThat(tickets.open(107L, 1L).id()).isEqualTo(ticket.id());
		tickets.withdraw(107L);
		assertThat(tickets.open(107L, 1L).id()).isNotEqualTo(ticket.id());
	}

	static class Clocks {

		@Bean
		@Primary
		SettableClock settableClock() {
			return new SettableClock();
		}
	}
}
