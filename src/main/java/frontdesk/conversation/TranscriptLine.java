package frontdesk.conversation;

import java.time.Instant;

/**
 * One message of a conversation, for people to read.
 *
 * @param author {@code CUSTOMER}, {@code BOT} or {@code STAFF}
 * @param staffName who of the staff wrote it, for a staff message when known; {@code null} otherwise
 * @param text the text
 * @param at when it was written
 */
public record TranscriptLine(String author, String staffName, String text, Instant at) {
}
