package frontdesk.staff;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface StaffTopicRepository extends Repository<StaffTopic, Long> {

	Optional<StaffTopic> findById(Long customerId);

	StaffTopic save(StaffTopic topic);

	void delete(StaffTopic topic);

	Optional<StaffTopic> findByGroupIdAndTopicId(String groupId, long topicId);

	Optional<StaffTopic> findByGroupIdAndReplacedTopicId(String groupId, Long replacedTopicId);
}
