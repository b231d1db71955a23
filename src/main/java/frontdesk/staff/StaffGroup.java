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
	 * @param key names the post, so it can be edited later; may be {@code null}
	 * @param replyToKey the key of the post this one replies to, or {@code null}
	 */
	void post(long topicId, String text, List<Reply.Button> buttons, String key, String replyToKey);

	/** Posts into a topic, with buttons. */
	default void post(long topicId, String text, List<Reply.Button> buttons, String key) {
		post(topicId, text, buttons, key, null);
	}

	/** Posts into a topic as a reply to an earlier post. */
	default void reply(long topicId, String toKey, String text) {
		post(topicId, text, List.of(), null, toKey);
	}

	/** Posts into the group's general topic. */
	void postToGeneral(String text);

	/**
	 * Posts a customer's line into their topic, paired with their message, so a staff member's reply to it reaches the
	 * customer as a reply to their message.
	 * @param messageId the channel's id of the customer's message, or {@code null} if it has no pair
	 * @param replyTo the channel's id of a message in the customer's chat the line answers to (a staff message they
	 * replied to, or their own message they changed), or {@code null}
	 */
	void relay(long topicId, CustomerProfile from, String messageId, String line, String replyTo);

	/**
	 * Copies a customer's media message (a photo, a document, a voice message) into a topic, paired with it.
	 * @param replyTo as for {@link #relay}
	 * @return {@code false} when the customer's channel cannot copy media into the group
	 */
	boolean copy(long topicId, CustomerProfile from, String messageId, String replyTo);

	/**
	 * Gives a topic a new title, as the customer's name changed.
	 * @return {@code false} if that failed (it is logged; the next message tries again)
	 */
	boolean renameTopic(long topicId, String title);

	/**
	 * Reopens a topic the staff closed, so that all of them can write in it again.
	 * @return {@code false} if that failed (it is logged; the next post tries again)
	 */
	boolean reopenTopic(long topicId);

	/** Replaces the text and buttons of an earlier post. */
	void edit(String key, String text, List<Reply.Button> buttons);

	/**
	 * Deletes a topic of the current group with everything in it.
	 * @return {@code false} if Telegram would not (it is logged); a topic already gone counts as deleted
	 */
	boolean deleteTopic(long topicId);

	/**
	 * Forgets the posts of a customer being forgotten, waiting or posted: those in their topics of a group (this one or
	 * one the staff left), and those made under their keys anywhere (their cards and alerts, and the edits of them).
	 */
	void forgetPosts(String groupId, List<Long> topicIds, List<String> keys);

	/** Whether the post made under the key has gone out (rather than still waiting its turn, or never made). */
	boolean posted(String key);
}
