package frontdesk;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrations that change what stored rows mean bring the rows of a database made before them along.
 */
class MigrationTest {

	private final SimpleDriverDataSource database = new SimpleDriverDataSource(new org.h2.Driver(),
			"jdbc:h2:mem:migration-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");

	private final JdbcTemplate jdbc = new JdbcTemplate(database);

	private void migrate(String target) {
		Flyway.configure().dataSource(database).locations("classpath:db/migration").target(target).load().migrate();
	}

	private void ticket(long id, long conversation, boolean followUp, Boolean promiseKept, String firstResponseAt,
			String closedAt) {
		jdbc.update("""
				insert into ticket (id, conversation_id, customer_id, status, after_hours, requested_at, promised_by,
				  first_response_at, closed_at, promise_kept, follow_up, version)
				values (?, ?, 1, 'CLOSED', false, timestamp with time zone '2026-11-02 10:00:00+00',
				  timestamp with time zone '2026-11-02 12:00:00+00', cast(? as timestamp with time zone),
				  cast(? as timestamp with time zone), ?, ?, 0)""", id, conversation, firstResponseAt, closedAt,
				promiseKept, followUp);
	}

	/** A ticket as the tables stood before they knew follow-ups (V9): answered an hour after it was asked for. */
	private void ticketBeforeFollowUps(long id, long conversation, String requestedAt, String closedAt, boolean kept) {
		jdbc.update("""
				insert into ticket (id, conversation_id, customer_id, status, after_hours, requested_at, promised_by,
				  first_response_at, closed_at, promise_kept, version)
				values (?, ?, 1, ?, false, cast(? as timestamp with time zone),
				  cast(? as timestamp with time zone) + interval '2' hour, cast(? as timestamp with time zone) + interval '1' hour,
				  cast(? as timestamp with time zone), ?, 0)""", id, conversation, closedAt == null ? "TAKEN" : "CLOSED",
				requestedAt, requestedAt, requestedAt, closedAt, kept);
	}

	/** Customer 1, on the channel with the id. */
	private void customer(String channel, String externalId) {
		jdbc.update("""
				insert into customer (id, channel, external_id, created_at)
				values (1, ?, ?, timestamp with time zone '2026-11-02 09:00:00+00')""", channel, externalId);
	}

	private void conversation(long id, String customerWroteAt) {
		jdbc.update("""
				insert into conversation (id, customer_id, state, opened_at, last_customer_message_at, miss_streak,
				  answered_count, version)
				values (?, 1, 'CLOSED', timestamp with time zone '2026-11-02 09:00:00+00',
				  timestamp with time zone '2026-11-02 09:00:00+00', 0, 0, 0)""", id);
		if (customerWroteAt != null) {
			jdbc.update("""
					insert into conversation_message (conversation_id, author, text, created_at)
					values (?, 'CUSTOMER', 'hello', cast(? as timestamp with time zone))""", id, customerWroteAt);
		}
	}

	@Test
	void settlesThePromisesAndMarksTheFollowUpsOfRowsMadeBefore() {
		migrate("11");
		customer("web", "a");
		conversation(1, "2026-11-02 09:30:00+00");
		conversation(2, null);
		ticket(1, 1, false, null, null, "2026-11-02 12:30:00+00");
		ticket(2, 1, false, null, null, "2026-11-02 11:30:00+00");
		ticket(3, 1, false, true, "2026-11-02 11:00:00+00", "2026-11-02 13:00:00+00");
		ticket(4, 2, true, false, "2026-11-02 14:00:00+00", "2026-11-02 15:00:00+00");
		ticket(5, 1, true, null, null, "2026-11-02 16:00:00+00");

		migrate("latest");

		// ended unanswered after its promise: missed; before it: unsettled; answered in time: kept; follow-ups: none
		assertThat(jdbc.queryForList("select promise_kept from ticket order by id", Boolean.class))
			.containsExactly(false, null, true, null, null);
		// the staff opened conversation 2 for a follow-up; in conversation 1 the customer had written first
		assertThat(jdbc.queryForList("select follow_up from conversation order by id", Boolean.class))
			.containsExactly(false, true);
	}

	@Test
	void marksTheFollowUpsMadeBeforeTicketsKnewThem() {
		migrate("9");
		customer("telegram", "42");
		// the customer asked for a person with their first line, at the same moment; then rated badly, and the staff
		// followed up in a conversation of their own
		conversation(1, "2026-11-02 10:00:00+00");
		conversation(2, null);
		ticketBeforeFollowUps(1, 1, "2026-11-02 10:00:00+00", "2026-11-02 14:00:00+00", true);
		ticketBeforeFollowUps(2, 2, "2026-11-02 15:00:00+00", null, true);

		migrate("latest");

		assertThat(jdbc.queryForList("select follow_up from ticket order by id", Boolean.class))
			.containsExactly(false, true);
		assertThat(jdbc.queryForList("select promise_kept from ticket order by id", Boolean.class))
			.containsExactly(true, null);
		assertThat(jdbc.queryForList("select follow_up from conversation order by id", Boolean.class))
			.containsExactly(false, true);
	}
}
