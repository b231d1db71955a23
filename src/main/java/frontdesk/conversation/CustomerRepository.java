package frontdesk.conversation;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface CustomerRepository extends Repository<Customer, Long> {

	Optional<Customer> findByChannelAndExternalId(String channel, String externalId);

	Customer save(Customer customer);

	Optional<Customer> findById(Long id);
}
