package frontdesk.ticket;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface WatchStateRepository extends Repository<WatchState, Integer> {

	Optional<WatchState> findById(Integer id);

}
