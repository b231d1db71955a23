package frontdesk.staff;

import java.util.List;

import frontdesk.conversation.CustomerProfile;
import frontdesk.conversation.Reply;

/**
 * Where the staff work: one group with a topic per customer. Implemented by the channel the staff use.
 */
public interface StaffGroup {

	/** Whether a staff group is set up. */
	boolean configured();

	/** Which group it is: topics belong to one group, and a new group needs new ones. */
	String id();

	/**
	 * Opens a topic in the staff group.
	 * @return the topic's id
	 * @throws IllegalStateException when the group cannot be reached; the caller tries again later
	 */
	long openTopic(String title);

	/**
	 * Posts into a topic (after what was posted before), with buttons.
	 * @param key names the post, so it can be edited later
	 */
	void post(long topicId, String text, List<Reply.Button> buttons, String key);

	/** Posts into a topic as a reply to an earlier post. */
	void reply(long topicId, String toKey, String text);

	/** Posts into the group's general topic. */
	void postToGeneral(String text);

	/**
	 * Copies a customer's media message (a photo, a document, a voice message) into a topic.
	 * @return {@code false} when the customer's channel cannot copy media into the group
	 */
	boolean copy(long topicId, CustomerProfile from, String messageId);

	/** Replaces the text and buttons of an earlier post. */
	void edit(String key, String text, List<Reply.Button> buttons);
}
