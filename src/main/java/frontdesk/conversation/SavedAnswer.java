package frontdesk.conversation;

/**
 * An intent's answer as a member of staff may send it as their own: its first variant, filled in for one customer.
 *
 * @param id the intent's id, by which staff ask for it
 * @param label the intent's label, as its button reads
 * @param text the answer, placeholders filled in for the customer
 */
public record SavedAnswer(String id, String label, String text) {
}
