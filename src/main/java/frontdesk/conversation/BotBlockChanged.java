package frontdesk.conversation;

import java.time.Instant;

/**
 * A customer blocked the bot on their channel, so nothing reaches them any more, or started it again after blocking
 * it. Only a change is told: a second notice that they blocked it is none.
 *
 * @param customerId the customer
 * @param blocked whether they blocked it ({@code false}: they started it again)
 * @param at when it was noticed
 */
public record BotBlockChanged(Long customerId, boolean blocked, Instant at) {
}
