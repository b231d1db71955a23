package frontdesk.web;

import java.time.Instant;
import java.util.List;

import frontdesk.conversation.Reply;

/**
 * A line of the chat, as the page gets it.
 *
 * @param id its number; lines come in this order
 * @param author {@code visitor}, {@code bot} or {@code staff}
 * @param text what it says (the page shows it as text, never as markup)
 * @param buttons buttons under it
 * @param oneRow whether the buttons sit side by side
 * @param at when it was written
 */
record ChatLine(long id, String author, String text, List<Reply.Button> buttons, boolean oneRow, Instant at) {
}
