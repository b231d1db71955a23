package frontdesk.staff;

import java.time.Instant;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface HandledEventRepository extends Repository<HandledEvent, String> {

	boolean existsById(String digest);

	HandledEvent save(HandledEvent event);

	@Modifying(clearAutomatically = true)
	@Query("delete from HandledEvent e where e.handledAt < :before")
	int deleteHandledBefore(Instant before);
}
