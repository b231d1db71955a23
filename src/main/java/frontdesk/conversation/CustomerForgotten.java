package frontdesk.conversation;

/**
 * A customer's data was erased at their request: their messages are gone and their name and channel identity with
 * them. Published within the erasing transaction, for each module to erase what it keeps of them in the same one
 * (listeners take it as a plain, synchronous event, so it is stored nowhere itself).
 *
 * @param customerId the customer, whose row stays (nameless) for the figures' sake
 * @param was who they were on their channel, for the channel's own records of them
 */
public record CustomerForgotten(Long customerId, CustomerProfile was) {
}
