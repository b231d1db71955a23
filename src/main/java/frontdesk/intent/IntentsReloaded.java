package frontdesk.intent;

/**
 * The intent files changed while running and the new set is now in force.
 *
 * @param intents the new set
 */
public record IntentsReloaded(IntentSet intents) {
}
