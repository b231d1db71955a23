package frontdesk.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import frontdesk.conversation.ConversationService;
import frontdesk.conversation.CustomerDelivery;
import frontdesk.conversation.CustomerForgotten;
import frontdesk.conversation.CustomerProfile;
import frontdesk.conversation.Inbound;
import frontdesk.conversation.Reply;
import frontdesk.conversation.Response;
import frontdesk.intent.MessageKey;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The web chat as a channel: a visitor's messages and button presses go to the same conversation engine as
 * Telegram's, and what comes back (answers, staff replies, the rating question) is kept as lines of their chat and
 * sent live to their open pages.
 */
@Service
class WebChat {

	static final String CHANNEL = "web";

	/** Longest message a visitor can send, as on Telegram. */
	static final int MAX_TEXT = 4096;

	/** The id a page gives a message: a UUID, or what the page makes up without one. */
	private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	/** Lines after a message sent again that are looked at for its answers. */
	private static final int AGAIN = 20;

	private final WebLineRepository lines;

	private final ConversationService conversations;

	private final LiveLines live;

	private final Clock clock;

	WebChat(WebLineRepository lines, ConversationService conversations, LiveLines live, Clock clock) {
		this.lines = lines;
		this.conversations = conversations;
		this.live = live;
		this.clock = clock;
	}

	/**
	 * The visitor wrote: their line is stored, the conversation answers, and the answer is stored. A message sent
	 * again with the id it had (the page did not get the answer) is not: the answer is what came of it the first time.
	 * @param clientId the id the visitor's page gave the message, or {@code null}
	 * @throws IllegalArgumentException for an empty or overlong text, or an id no page gives
	 */
	@Transactional
	public Answer write(String visitor, String text, String clientId) {
		String message = Inbound.storable(text).strip();
		if (message.isEmpty() || message.length() > MAX_TEXT) {
			throw new IllegalArgumentException("A message has 1 to " + MAX_TEXT + " characters");
		}
		if (clientId != null && !CLIENT_ID.matcher(clientId).matches()) {
			throw new IllegalArgumentException("A message's id has 1 to 64 letters, digits, '-' and '_'");
		}
		Optional<WebLine> sent = clientId == null ? Optional.empty()
				: lines.findByVisitorIdAndClientId(visitor, clientId);
		if (sent.isPresent()) {
			// what the page would have had: the message, and the answers after it up to the visitor's next line
			List<ChatLine> again = new ArrayList<>(List.of(sent.get().view()));
			for (ChatLine line : lines(visitor, sent.get().id(), AGAIN)) {
				if (line.author().equals("visitor")) {
					break;
				}
				again.add(line);
			}
			return new Answer(again, null);
		}
		Instant now = clock.instant();
		WebLine mine = lines.save(WebLine.fromVisitor(visitor, message, clientId, now));
		Response response = conversations.handle(Inbound.text(profile(visitor), message, String.valueOf(mine.id())));
		List<ChatLine> shown = new ArrayList<>();
		shown.add(mine.view());
		shown.addAll(said(visitor, response, now));
		shown.forEach(line -> pushAfterCommit(visitor, line));
		return new Answer(shown, response.notice());
	}

	/** One of the bot's own texts (see {@link ConversationService#text(MessageKey)}). */
	public String text(MessageKey key) {
		return conversations.text(key);
	}

	/** The visitor pressed a button under one of their lines. */
	@Transactional
	public Answer press(String visitor, long lineId, String data) {
		WebLine pressed = lines.findById(lineId).filter(line -> line.ofVisitor(visitor)).orElse(null);
		// a button of a line that was changed goes to the conversation, which says what became of it ("already rated")
		if (pressed == null || data == null || !pressed.mayHaveOffered(data)) {
			return new Answer(List.of(), conversations.text(MessageKey.NOT_YOUR_BUTTON));
		}
		Instant now = clock.instant();
		Response response = conversations.handle(Inbound.button(profile(visitor), data));
		List<ChatLine> shown = new ArrayList<>();
		if (response.edit() != null) {
			pressed.replace(response.edit(), now);
			shown.add(pressed.view());
		}
		shown.addAll(said(visitor, response, now));
		shown.forEach(line -> pushAfterCommit(visitor, line));
		return new Answer(shown, response.notice());
	}

	/** The visitor's chat: the latest lines, or those after a line the page already has. */
	@Transactional(readOnly = true)
	public List<ChatLine> lines(String visitor, Long after, int count) {
		if (after != null) {
			return lines.findByVisitorIdAndIdGreaterThanOrderById(visitor, after, Limit.of(count))
				.stream()
				.map(WebLine::view)
				.toList();
		}
		List<ChatLine> latest = new ArrayList<>(
				lines.findByVisitorIdOrderByIdDesc(visitor, Limit.of(count)).stream().map(WebLine::view).toList());
		Collections.reverse(latest);
		return latest;
	}

	/** A message for a web visitor from outside their turn (a staff reply, the goodbye of a quiet conversation). */
	@EventListener
	void on(CustomerDelivery delivery) {
		if (CHANNEL.equals(delivery.customer().channel())) {
			String visitor = delivery.customer().externalId();
			WebLine.Author author = delivery.byStaff() ? WebLine.Author.STAFF : WebLine.Author.BOT;
			WebLine line = lines.save(WebLine.toVisitor(visitor, author, delivery.reply(), clock.instant()));
			pushAfterCommit(visitor, line.view());
		}
	}

	/** A web visitor was forgotten: the chat they saw goes with the rest of their data, in the same transaction. */
	@EventListener
	void on(CustomerForgotten forgotten) {
		if (CHANNEL.equals(forgotten.was().channel())) {
			lines.deleteByVisitorId(forgotten.was().externalId());
		}
	}

	private List<ChatLine> said(String visitor, Response response, Instant now) {
		List<ChatLine> said = new ArrayList<>();
		for (Reply reply : response.replies()) {
			ChatLine line = lines.save(WebLine.toVisitor(visitor, WebLine.Author.BOT, reply, now)).view();
			said.add(line);
		}
		return said;
	}

	/**
	 * Once stored, the visitor's open pages get the line (the page that asked has it from the answer already, and
	 * shows a line once), so a second tab or a page whose stream was down for a moment misses nothing.
	 */
	private void pushAfterCommit(String visitor, ChatLine line) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					live.push(visitor, line);
				}
			});
		}
		else {
			live.push(visitor, line);
		}
	}

	static CustomerProfile profile(String visitor) {
		return new CustomerProfile(CHANNEL, visitor, null, null);
	}

	/**
	 * What the page shows after a message or a button press.
	 *
	 * @param lines new and changed lines, in order
	 * @param notice a short note for the visitor (a button that has expired, say), or {@code null}
	 */
	record Answer(List<ChatLine> lines, String notice) {
	}
}
