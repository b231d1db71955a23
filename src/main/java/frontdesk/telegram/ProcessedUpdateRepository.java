package frontdesk.telegram;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface ProcessedUpdateRepository extends Repository<ProcessedUpdate, Long> {

	boolean existsById(Long updateId);

	Optional<ProcessedUpdate> findById(Long updateId);

	ProcessedUpdate save(ProcessedUpdate update);
}
