package frontdesk.conversation;

/**
 * A message for a customer that did not come from the bot's dialogue (a staff member's, or the bot's goodbye when a
 * conversation closes), for their channel to deliver. Published as an event, it is delivered by the adapter of the
 * customer's channel, in the publisher's transaction.
 *
 * @param customer who gets it
 * @param reply what they get
 * @param byStaff whether a member of staff wrote it, rather than the bot
 */
public record CustomerDelivery(CustomerProfile customer, Reply reply, boolean byStaff) {
}
