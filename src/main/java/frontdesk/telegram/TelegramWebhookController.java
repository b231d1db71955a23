package frontdesk.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where Telegram posts updates in webhook mode. A post without the webhook's secret is refused before its body is
 * read; an update is answered with 200 only once it is stored, so one that could not be stored is posted again.
 */
@RestController
class TelegramWebhookController {

	static final String PATH = "/telegram/webhook";

	static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

	/** Far above any update Telegram sends; a larger body is not read. */
	private static final int MAX_BODY_BYTES = 1 << 20;

	/** Refused posts are logged at most this often, so that no one can fill the log with them. */
	private static final Duration REFUSALS_LOGGED_EVERY = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(TelegramWebhookController.class);

	private final TelegramWebhook webhook;

	private final AtomicInteger refusedSinceLogged = new AtomicInteger();

	private final AtomicLong loggedAt = new AtomicLong(System.nanoTime() - REFUSALS_LOGGED_EVERY.toNanos());

	TelegramWebhookController(TelegramWebhook webhook) {
		this.webhook = webhook;
	}

	@PostMapping(PATH)
	ResponseEntity<Void> receive(@RequestHeader(name = SECRET_HEADER, required = false) String secret,
			HttpServletRequest request) throws IOException {
		if (!webhook.enabled()) {
			return ResponseEntity.notFound().build();
		}
		if (!webhook.admits(secret)) {
			refused(request.getRemoteAddr(), secret == null ? "no secret token" : "a wrong secret token");
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
		}
		if (!webhook.isRunning()) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes(MAX_BODY_BYTES + 1);
		}
		if (body.length > MAX_BODY_BYTES) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		JsonNode tree;
		try {
			tree = TelegramConfiguration.JSON.readTree(body);
		}
		catch (JacksonException ex) {
			return ResponseEntity.badRequest().build();
		}
		if (tree == null || !tree.path("update_id").canConvertToLong()) {
			return ResponseEntity.badRequest().build();
		}
		Update update;
		try {
			update = TelegramConfiguration.JSON.treeToValue(tree, Update.class);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			log.error("Could not read update {}; it is kept for inspection and the bot goes on",
					tree.path("update_id").asLong(), ex);
			webhook.keepUnreadable(tree.path("update_id").asLong(), new String(body, StandardCharsets.UTF_8),
					String.valueOf(ex));
			return ResponseEntity.ok().build();
		}
		return webhook.deliver(update) ? ResponseEntity.ok().build()
				: ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
	}

	private void refused(String from, String reason) {
		int refused = refusedSinceLogged.incrementAndGet();
		long last = loggedAt.get();
		long now = System.nanoTime();
		if (now - last >= REFUSALS_LOGGED_EVERY.toNanos() && loggedAt.compareAndSet(last, now)) {
			refusedSinceLogged.addAndGet(-refused);
			log.warn("Refused a post to the webhook from {}: {}{}", from, reason,
					refused > 1 ? " (" + refused + " refused since the last line like this)" : "");
		}
	}
}
