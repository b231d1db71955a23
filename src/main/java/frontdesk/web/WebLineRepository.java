package frontdesk.web;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface WebLineRepository extends Repository<WebLine, Long> {

	WebLine save(WebLine line);

	Optional<WebLine> findById(Long id);

	/** The visitor's latest lines, newest first. */
	List<WebLine> findByVisitorIdOrderByIdDesc(String visitorId, Limit limit);

	/** The visitor's message with the id their page gave it. */
	Optional<WebLine> findByVisitorIdAndClientId(String visitorId, String clientId);

	/** The visitor's lines after one, oldest first. */
	List<WebLine> findByVisitorIdAndIdGreaterThanOrderById(String visitorId, Long after, Limit limit);

	@Modifying
	@Query("delete from WebLine l where l.visitorId = :visitorId")
	int deleteByVisitorId(String visitorId);
}
