package frontdesk.conversation;

import java.time.Instant;

/**
 * One message of a conversation, for people to read.
 *
 * @param author {@code CUSTOMER}, {@code BOT} or {@code STAFF}
 * @param text the text
 * @param at when it was written
 */
public record TranscriptLine(String author, String text, Instant at) {
}
