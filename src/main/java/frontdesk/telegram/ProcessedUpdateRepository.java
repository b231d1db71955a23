package frontdesk.telegram;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ProcessedUpdateRepository extends Repository<ProcessedUpdate, Long> {

	Optional<ProcessedUpdate> findById(Long updateId);

	ProcessedUpdate save(ProcessedUpdate update);

	/** Forgets handled updates received before the given time; failed ones are kept for inspection. */
	@Modifying
	@Query("delete from ProcessedUpdate u where u.receivedAt < :before and u.status = frontdesk.telegram.ProcessedUpdate.Status.HANDLED")
	int deleteHandledBefore(Instant before);

	/** Forgets what the updates kept for inspection (failed ones) said, where it has the given words. */
	@Modifying
	@Query("update ProcessedUpdate u set u.payload = null where locate(:words, u.payload) > 0")
	int forgetPayloadsSaying(String words);
}
