package frontdesk.staff;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer's topic is changed from two threads: renamed when the customer's name changes (as their message is
 * relayed) and replaced when the staff deleted it (as a post to it fails). Neither change may undo the other.
 */
@DataJpaTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class StaffTopicConcurrencyTest {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	@Autowired
	StaffTopicRepository topics;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aRenameAtTheSameTimeAsAReplacementKeepsTheNewTopic() {
		new TransactionTemplate(transactions).executeWithoutResult(
				status -> topics.save(new StaffTopic(41L, "-100123", 7L, "Ada (@ada)", NOW)));
		TransactionTemplate renaming = new TransactionTemplate(transactions);
		TransactionTemplate replacing = new TransactionTemplate(transactions);
		replacing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

		renaming.executeWithoutResult(status -> {
			StaffTopic topic = topics.findById(41L).orElseThrow();
			// meanwhile the deleted topic is replaced, and that is committed first
			replacing.executeWithoutResult(inner -> topics.findById(41L).orElseThrow().replaceDeleted(9L, NOW));
			topic.renamed("Ada Lovelace (@ada)");
		});

		assertThat(jdbc.queryForMap("select topic_id, replaced_topic_id, title from staff_topic where customer_id = 41"))
			.containsEntry("TOPIC_ID", 9L)
			.containsEntry("REPLACED_TOPIC_ID", 7L)
			.containsEntry("TITLE", "Ada Lovelace (@ada)");
	}
}
