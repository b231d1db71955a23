package frontdesk.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import frontdesk.intent.MessageKey;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The chat page's API. Requests carry the visitor's signed cookie (a first request gets one); posts take JSON only,
 * which another site's page cannot send without the browser asking this server first, so no other site can write in
 * a visitor's name. Two posts of one visitor at once (Enter pressed twice) are handled one after the other; the one that
 * met the other in the database is tried again, so neither is lost.
 */
@RestController
@RequestMapping("/api/chat")
class ChatApi {

	private final WebChat chat;

	private final Visitors visitors;

	private final LiveLines live;

	private final WebSettings settings;

	private final ChatThrottle throttle;

	ChatApi(WebChat chat, Visitors visitors, LiveLines live, WebSettings settings, ChatThrottle throttle) {
		this.chat = chat;
		this.visitors = visitors;
		this.live = live;
		this.settings = settings;
		this.throttle = throttle;
	}

	/** The visitor's chat so far, or the lines after the one given. */
	@GetMapping("/lines")
	List<ChatLine> lines(@RequestParam(required = false) Long after, HttpServletRequest request,
			HttpServletResponse response) {
		return chat.lines(visitors.ofOrNew(request, response), after, settings.history());
	}

	@PostMapping(path = "/lines", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Retryable(includes = { ConcurrencyFailureException.class, DataIntegrityViolationException.class }, maxRetries = 3,
			delay = 50, jitter = 25)
	WebChat.Answer write(@RequestBody Written written, HttpServletRequest request, HttpServletResponse response) {
		slowDownIfFlooding(request);
		return chat.write(visitors.ofOrNew(request, response), written.text(), written.id());
	}

	@PostMapping(path = "/buttons", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Retryable(includes = { ConcurrencyFailureException.class, DataIntegrityViolationException.class }, maxRetries = 3,
			delay = 50, jitter = 25)
	WebChat.Answer press(@RequestBody Pressed pressed, HttpServletRequest request, HttpServletResponse response) {
		slowDownIfFlooding(request);
		return chat.press(visitors.ofOrNew(request, response), pressed.line(), pressed.data());
	}

	private void slowDownIfFlooding(HttpServletRequest request) {
		if (!throttle.allows(request.getRemoteAddr())) {
			throw new TooFast();
		}
	}

	/**
	 * New and changed lines as they happen, for a visitor the page already knows (it read the conversation first);
	 * 429 while the address or the server has as many open pages as it may.
	 */
	@GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	ResponseEntity<SseEmitter> events(HttpServletRequest request) {
		return visitors.of(request)
			.map(visitor -> live.open(visitor, request.getRemoteAddr())
				.map(ResponseEntity::ok)
				.orElseGet(() -> ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "30").build()))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.FORBIDDEN).build());
	}

	@ExceptionHandler(TooFast.class)
	ResponseEntity<Map<String, String>> tooFast() {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header("Retry-After", "10")
			.body(Map.of("error", "Too many messages from this address", "notice", chat.text(MessageKey.TOO_FAST)));
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException ex) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Map.of("error", ex.getMessage()));
	}

	/** Too many requests from one address. */
	static final class TooFast extends RuntimeException {

		TooFast() {
			super(null, null, false, false);
		}
	}

	/**
	 * A message the visitor wrote, with the id their page gave it (so that one sent again is kept once), if it gave
	 * one.
	 */
	record Written(String text, String id) {
	}

	/** A button the visitor pressed, under one of their lines. */
	record Pressed(long line, String data) {
	}
}
