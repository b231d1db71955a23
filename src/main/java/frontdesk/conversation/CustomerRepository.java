package frontdesk.conversation;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.repository.Repository;

interface CustomerRepository extends Repository<Customer, Long> {

	Optional<Customer> findByChannelAndExternalId(String channel, String externalId);

	/**
	 * The customer, their row locked until the transaction ends: two messages of one customer that arrive together
	 * (two web requests) are handled one after the other, not side by side.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<Customer> findLockedByChannelAndExternalId(String channel, String externalId);

	Customer save(Customer customer);

	Optional<Customer> findById(Long id);

	/** The customer, their row locked until the transaction ends, so that no message of theirs is handled meanwhile. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<Customer> findLockedById(Long id);
}
