package frontdesk.conversation;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes conversations that went quiet, each in a transaction of its own, so one that fails does not hold up the
 * others (it is tried again next time).
 */
@Component
public class QuietConversations {

	/** Conversations closed in one round, at most; the rest wait for the next. */
	private static final int ROUND = 500;

	private static final Logger log = LoggerFactory.getLogger(QuietConversations.class);

	private final ConversationRepository conversations;

	private final ConversationService service;

	private final ConversationSettings settings;

	private final Clock clock;

	QuietConversations(ConversationRepository conversations, ConversationService service,
			ConversationSettings settings, Clock clock) {
		this.conversations = conversations;
		this.service = service;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${frontdesk.conversation.idle-check-every:PT1M}",
			initialDelayString = "${frontdesk.conversation.idle-check-every:PT1M}")
	public void closeQuiet() {
		Instant now = clock.instant();
		int closed = 0;
		for (Long id : conversations.findQuiet(now.minus(settings.idleTimeout()), now.minus(settings.staffIdleTimeout()),
				Limit.of(ROUND))) {
			try {
				closed += service.closeIfIdle(id) ? 1 : 0;
			}
			catch (RuntimeException ex) {
				log.warn("Could not close quiet conversation {}; trying again later", id, ex);
			}
		}
		if (closed > 0) {
			log.info("Closed {} quiet conversations", closed);
		}
	}
}
