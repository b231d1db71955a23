package frontdesk.telegram;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import frontdesk.telegram.FakeBotApi.Reply;

/**
 * A fake Telegram Bot API server on 127.0.0.1 for end-to-end tests. The real
 * TelegramBots client talks to it over HTTP; tests queue updates (what customers send),
 * inspect and await the calls the bot made, and script failures such as rate limits or
 * blocked users.
 * <p>
 * Updates behave like on Telegram: {@code getUpdates} answers at once when updates are
 * waiting and otherwise holds the request up to its {@code timeout}; an update is only
 * forgotten once a {@code getUpdates} arrives with an offset greater than its id, so a
 * bot that restarts before confirming receives it again. A waiting {@code getUpdates}
 * that is overtaken by a newer one ends with 409 Conflict.
 * <p>
 * Once the bot sets a webhook, {@code getUpdates} ends with 409 Conflict instead, and the
 * fake posts each update to the webhook, one at a time with the secret token header, until
 * the bot answers with a 2xx status ({@link #deliveries()}), as Telegram does.
 */
public final class FakeTelegram implements AutoCloseable {

	/** The token the fake accepts unless another one is given to {@link #start(String)}. */
	public static final String DEFAULT_TOKEN = "123456:TEST-TOKEN";

	/** Username of the fake bot, as returned by {@code getMe}. */
	public static final String BOT_USERNAME = FakeBotApi.BOT_USERNAME;

	/** First name of the fake bot, as returned by {@code getMe}. */
	public static final String BOT_FIRST_NAME = FakeBotApi.BOT_FIRST_NAME;

	private static final String HOST = "127.0.0.1";

	private static final long FIRST_UPDATE_ID = 100_001;

	private static final int MAX_UPDATES_PER_CALL = 100;

	private static final Duration DEFAULT_HOLD = Duration.ofSeconds(1);

	private static final Duration WEBHOOK_RETRY = Duration.ofMillis(100);

	private static final ObjectMapper MAPPER = JsonMapper.builder()
		.enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
				JsonReadFeature.ALLOW_TRAILING_COMMA)
		.build();

	private static final AtomicInteger SERVER_COUNT = new AtomicInteger();

	static {
		// The JDK server writes headers and body separately; without TCP_NODELAY every
		// answer waits ~40 ms for a delayed ACK. Read once, when the first server starts.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	private final String token;

	private final long botId;

	private final HttpServer server;

	private final ExecutorService executor;

	private final String threadNamePrefix;

	private final UpdateQueue updates = new UpdateQueue(FIRST_UPDATE_ID);

	private final CallLog log = new CallLog();

	private final FakeBotApi api;

	private final RequestBodies bodies = new RequestBodies(MAPPER);

	private final List<ScriptedFailure> failures = new ArrayList<>();

	private final AtomicLong lastCallbackQuery = new AtomicLong();

	private final AtomicBoolean closed = new AtomicBoolean();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final HttpClient webhookClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

	private volatile Webhook webhook;

	private volatile String lastWebhookError;

	private volatile Instant lastWebhookErrorAt;

	private FakeTelegram(String token) throws IOException {
		this.token = token;
		this.botId = botIdOf(token);
		this.api = new FakeBotApi(MAPPER, this.botId);
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(HOST), 0), 128);
		this.threadNamePrefix = "fake-telegram-" + SERVER_COUNT.incrementAndGet() + "-";
		AtomicInteger threadCount = new AtomicInteger();
		this.executor = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, this.threadNamePrefix + threadCount.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	// Lifecycle

	/**
	 * Starts a fake server on a free port of 127.0.0.1 accepting {@link #DEFAULT_TOKEN}.
	 */
	public static FakeTelegram start() {
		return start(DEFAULT_TOKEN);
	}

	/**
	 * Starts a fake server on a free port of 127.0.0.1 accepting the given token; the
	 * bot id is the part of the token before the colon, as on Telegram.
	 */
	public static FakeTelegram start(String token) {
		try {
			return new FakeTelegram(token);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the fake Telegram server", ex);
		}
	}

	/**
	 * Dates the messages it makes by the given clock, such as the app's in a test that sets the time, rather than by
	 * the system's.
	 */
	public FakeTelegram dated(Clock clock) {
		this.api.clock(clock);
		return this;
	}

	/** Base URL such as {@code http://127.0.0.1:54321}. */
	public String url() {
		return "http://" + HOST + ":" + port();
	}

	/** The command-line settings that point a Frontdesk at this fake: its token and address, with quick polling. */
	public List<String> arguments() {
		return List.of("--frontdesk.telegram.token=" + this.token, "--frontdesk.telegram.api-url=" + url(),
				"--frontdesk.telegram.poll-timeout=1s");
	}

	public String host() {
		return HOST;
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	public String token() {
		return this.token;
	}

	public long botId() {
		return this.botId;
	}

	String threadNamePrefix() {
		return this.threadNamePrefix;
	}

	/**
	 * Stops the server. Waiting {@code getUpdates} calls are answered with no updates
	 * first; later calls are refused at the connection level.
	 */
	@Override
	public void close() {
		if (!this.closed.compareAndSet(false, true)) {
			return;
		}
		this.updates.close();
		awaitNoRequestInFlight(Duration.ofSeconds(1));
		this.server.stop(0);
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Gives the getUpdates calls released by closing the queue a moment to be answered.
	 */
	private void awaitNoRequestInFlight(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.inFlight.get() > 0 && System.nanoTime() < deadline) {
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	// Updates

	/**
	 * Queues a text message sent by a user; text starting with "/" carries a
	 * {@code bot_command} entity. The user's first name is remembered for later updates
	 * and chats. Returns the update id.
	 */
	public long sendText(long chatId, long userId, String firstName, String text) {
		ObjectNode message = this.api.incomingMessage(chatId, userId, firstName);
		message.put("text", text);
		if (text.startsWith("/")) {
			int end = 0;
			while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
				end++;
			}
			ObjectNode entity = message.putArray("entities").addObject();
			entity.put("type", "bot_command");
			entity.put("offset", 0);
			entity.put("length", end);
		}
		return sendUpdate("message", message);
	}

	/**
	 * Queues a text message in the private chat with the given user.
	 */
	public long sendText(long userId, String text) {
		return sendText(userId, userId, null, text);
	}

	/**
	 * Queues a press on an inline keyboard button of message {@code messageId}. The
	 * callback carries the message as the bot last sent or edited it when the fake knows
	 * it. Returns the update id; see {@link #callbackQueryId(long)}.
	 */
	public long sendCallback(long chatId, long userId, String data, int messageId) {
		ObjectNode query = MAPPER.createObjectNode();
		query.put("id", "fake-callback-" + this.lastCallbackQuery.incrementAndGet());
		query.set("from", this.api.user(userId));
		query.set("message", this.api.messageForUpdate(chatId, messageId));
		query.put("chat_instance", "fake-chat-instance-" + chatId);
		query.put("data", data);
		return sendUpdate("callback_query", query);
	}

	/**
	 * A new message from a user, with the next message id of the chat, sender, chat and
	 * date filled in, to be completed by the test (photo, sticker, voice, ...) and queued
	 * with {@link #sendUpdate(String, JsonNode)}.
	 */
	public ObjectNode newMessage(long chatId, long userId, String firstName) {
		return this.api.incomingMessage(chatId, userId, firstName);
	}

	/**
	 * A new message from a user in a topic of a group, to be completed by the test and queued like
	 * {@link #newMessage}.
	 */
	public ObjectNode newTopicMessage(long chatId, int threadId, long userId, String firstName) {
		ObjectNode message = newMessage(chatId, userId, firstName);
		message.put("message_thread_id", threadId);
		message.put("is_topic_message", true);
		return message;
	}

	/**
	 * Queues an update of the given type, e.g. {@code sendUpdate("edited_message", m)}.
	 * Returns the update id.
	 */
	public long sendUpdate(String type, JsonNode payload) {
		ObjectNode update = MAPPER.createObjectNode();
		update.set(type, payload.deepCopy());
		return sendUpdate(update);
	}

	/**
	 * Queues an arbitrary update; any {@code update_id} in it is replaced by the next id.
	 * Returns the update id.
	 */
	public long sendUpdate(ObjectNode update) {
		JsonNode message = update.get("message");
		if (message != null && message.isObject() && message.path("chat").has("id")) {
			this.api.storeIncoming(message.path("chat").path("id").asLong(), (ObjectNode) message);
		}
		return this.updates.add(update);
	}

	/**
	 * Queues an arbitrary update given as a map. Returns the update id.
	 */
	public long sendUpdate(Map<String, ?> update) {
		return sendUpdate((ObjectNode) MAPPER.valueToTree(update));
	}

	/**
	 * Queues an arbitrary update given as JSON without {@code update_id}; single quotes
	 * and unquoted field names are accepted. Returns the update id.
	 */
	public long sendUpdateJson(String updateJson) {
		JsonNode update = json(updateJson);
		if (!update.isObject()) {
			throw new IllegalArgumentException("An update must be a JSON object: " + updateJson);
		}
		return sendUpdate((ObjectNode) update);
	}

	/**
	 * Queues an already delivered update again with the same id and content, as Telegram
	 * does when a bot stopped before confirming it. A running bot whose offset is past the
	 * id confirms it away without seeing it, so call this after the bot was restarted (or
	 * stopped).
	 */
	/**
	 * Numbers the next updates from the given id on, as Telegram does after a week without updates (possibly below the
	 * earlier ones); until the bot polls from an offset within the new numbering, nothing new is confirmed.
	 * @throws IllegalStateException while an update is still to be confirmed: there was no quiet week
	 */
	public void renumberUpdates(long nextUpdateId) {
		this.updates.renumber(nextUpdateId);
	}

	public void resend(long updateId) {
		this.updates.resend(updateId);
	}

	/** The update queued with the given id, or {@code null}. */
	public JsonNode update(long updateId) {
		return this.updates.get(updateId);
	}

	/** The {@code callback_query.id} of an update queued by {@link #sendCallback}. */
	public String callbackQueryId(long updateId) {
		JsonNode update = this.updates.get(updateId);
		return (update != null) ? update.path("callback_query").path("id").asText(null) : null;
	}

	/** Ids of the updates Telegram still keeps because they were not confirmed yet. */
	public List<Long> pendingUpdateIds() {
		return this.updates.pendingIds();
	}

	/**
	 * Ids of updates dropped because their type was not in the bot's allowed_updates
	 * (by default Telegram leaves out chat_member, message_reaction and
	 * message_reaction_count).
	 */
	public List<Long> discardedUpdateIds() {
		return this.updates.discardedIds();
	}

	/**
	 * Waits until the bot confirmed the update, i.e. polled with an offset past its id.
	 */
	public void awaitConfirmed(long updateId, Duration timeout) {
		try {
			if (!this.updates.awaitNotPending(updateId, timeout)) {
				throw new AssertionError("Update " + updateId + " was not confirmed within " + timeout
						+ "; pending updates: " + this.updates.pendingIds());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted while waiting for update " + updateId, ex);
		}
	}

	// Recorded calls

	/** Every call received so far, failed ones included, in the order they were answered. */
	public List<Call> calls() {
		return this.log.matching((call) -> true);
	}

	/** The calls of one method (case-insensitive), failed ones included. */
	public List<Call> calls(String method) {
		return this.log.matching((call) -> call.is(method));
	}

	/** The successful {@code sendMessage} calls to a chat. */
	public List<Call> sentMessages(long chatId) {
		return this.log.matching(sentMessageTo(chatId));
	}

	/** The texts of the successful {@code sendMessage} calls to a chat. */
	public List<String> sentTexts(long chatId) {
		return sentMessages(chatId).stream().map(Call::text).toList();
	}

	/**
	 * Waits for a call of the method whose body matches, failed or not, and returns the
	 * first one; calls received before this method was called count too.
	 */
	public Call awaitCall(String method, Predicate<JsonNode> match, Duration timeout) {
		return this.log.await((call) -> call.is(method) && match.test(call.body()), timeout,
				"a matching " + method + " call");
	}

	/** Waits for the first call matching the predicate. */
	public Call awaitCall(Predicate<Call> match, Duration timeout) {
		return this.log.await(match, timeout, "a matching call");
	}

	/**
	 * Waits until at least {@code count} calls of the method were received, failed ones
	 * included, and returns all of them.
	 */
	public List<Call> awaitCalls(String method, int count, Duration timeout) {
		return this.log.awaitCount((call) -> call.is(method), count, timeout, count + " " + method + " calls");
	}

	/** Waits for a successful {@code sendMessage} to the chat whose text matches. */
	public Call awaitMessage(long chatId, Predicate<String> text, Duration timeout) {
		return this.log.await(sentMessageTo(chatId).and((call) -> text.test(call.text())), timeout,
				"a matching message to chat " + chatId);
	}

	/**
	 * Fails as soon as a matching call of the method is (or already was) received, or
	 * returns after {@code during}.
	 */
	public void assertNoCall(String method, Predicate<JsonNode> match, Duration during) {
		this.log.assertNone((call) -> call.is(method) && match.test(call.body()), during,
				"matching " + method + " call");
	}

	/** Forgets the recorded calls. */
	public void clearCalls() {
		this.log.clear();
	}

	private static Predicate<Call> sentMessageTo(long chatId) {
		String id = String.valueOf(chatId);
		return (call) -> call.is("sendMessage") && !call.failed() && id.equals(call.chatId());
	}

	// Scripted failures

	/**
	 * The next {@code count} calls of the method fail with the given status and
	 * description ({@code null} for Telegram's usual one), with
	 * {@code parameters.retry_after} when {@code retryAfter} is not null. Method "*"
	 * matches every method.
	 */
	public void failNext(String method, int count, int httpStatus, String description, Integer retryAfter) {
		addFailure(method, null, count, error(httpStatus, description, retryAfter));
	}

	/** Like {@link #failNext(String, int, int, String, Integer)} without retry_after. */
	public void failNext(String method, int count, int httpStatus, String description) {
		failNext(method, count, httpStatus, description, null);
	}

	/** The next {@code count} calls of the method for one chat fail. */
	public void failNextForChat(String method, long chatId, int count, int httpStatus, String description,
			Integer retryAfter) {
		addFailure(method, chatId, count, error(httpStatus, description, retryAfter));
	}

	/** Every call of the method fails until {@link #clearFailures()}. */
	public void failAlways(String method, int httpStatus, String description) {
		addFailure(method, null, -1, error(httpStatus, description, null));
	}

	/** Every call of the method for one chat fails, e.g. 403 for a user who blocked the bot. */
	public void failAlwaysForChat(String method, long chatId, int httpStatus, String description) {
		addFailure(method, chatId, -1, error(httpStatus, description, null));
	}

	/**
	 * The next {@code count} calls of the method get a non-JSON body, like the HTML page
	 * of a proxy in front of Telegram answering 502.
	 */
	public void failNextWithBody(String method, int count, int httpStatus, String rawBody) {
		addFailure(method, null, count, Reply.raw(httpStatus, rawBody));
	}

	/** The next {@code count} calls of the method get 429 with retry_after. */
	public void rateLimitNext(String method, int count, int retryAfterSeconds) {
		failNext(method, count, 429, null, retryAfterSeconds);
	}

	/** Every call to the chat fails with 403, as when the user blocked the bot. */
	public void blockUser(long chatId) {
		failAlwaysForChat("*", chatId, 403, "Forbidden: bot was blocked by the user");
	}

	/** The user started the bot again: the chat's permanent failures end. */
	public void unblockUser(long chatId) {
		synchronized (this.failures) {
			this.failures.removeIf((failure) -> String.valueOf(chatId).equals(failure.chatId) && failure.remaining < 0);
		}
	}

	/**
	 * A member of the group deletes one of its topics by hand: posts into it fail from
	 * now on with 400 "message thread not found".
	 */
	public void deleteTopic(long chatId, int threadId) {
		this.api.answer("deleteforumtopic",
				json("{\"chat_id\": %d, \"message_thread_id\": %d}".formatted(chatId, threadId)));
	}

	/**
	 * A member of the group closes (or reopens) one of its topics in Telegram's menu: the bot hears of it as a service
	 * message in the topic, {@code forum_topic_closed} (or {@code forum_topic_reopened}).
	 * @return the id of that update
	 */
	public long closeTopic(long chatId, int threadId, long userId, String firstName, boolean close) {
		this.api.answer(close ? "closeforumtopic" : "reopenforumtopic",
				json("{\"chat_id\": %d, \"message_thread_id\": %d}".formatted(chatId, threadId)));
		ObjectNode message = newTopicMessage(chatId, threadId, userId, firstName);
		message.set(close ? "forum_topic_closed" : "forum_topic_reopened", MAPPER.createObjectNode());
		return sendUpdate("message", message);
	}

	/** Removes all scripted failures, including the permanent ones. */
	public void clearFailures() {
		synchronized (this.failures) {
			this.failures.clear();
		}
	}

	private void addFailure(String method, Long chatId, int count, Reply reply) {
		if (count == 0) {
			return;
		}
		synchronized (this.failures) {
			this.failures.add(new ScriptedFailure(method.toLowerCase(Locale.ROOT),
					(chatId != null) ? String.valueOf(chatId) : null, count, reply));
		}
	}

	private Reply takeFailure(String method, JsonNode body) {
		synchronized (this.failures) {
			for (ScriptedFailure failure : this.failures) {
				if (failure.matches(method, body)) {
					if (failure.remaining > 0 && --failure.remaining == 0) {
						this.failures.remove(failure);
					}
					return failure.reply;
				}
			}
			return null;
		}
	}

	private static Reply error(int status, String description, Integer retryAfter) {
		String text = (description != null) ? description : defaultDescription(status, retryAfter);
		return Reply.error(status, text, retryAfter);
	}

	private static String defaultDescription(int status, Integer retryAfter) {
		return switch (status) {
			case 400 -> "Bad Request";
			case 401 -> "Unauthorized";
			case 403 -> "Forbidden: bot was blocked by the user";
			case 404 -> "Not Found";
			case 409 -> "Conflict";
			case 429 -> "Too Many Requests: retry after " + ((retryAfter != null) ? retryAfter : 1);
			case 500 -> "Internal Server Error";
			case 502 -> "Bad Gateway";
			default -> "Error " + status;
		};
	}

	// Answers

	/**
	 * Configures what {@code getChat} returns for a chat (and the chat shown in messages),
	 * e.g. {@code setChat(-1001, "{type:'supergroup', title:'Staff', is_forum:true}")}.
	 */
	public void setChat(long chatId, String chatJson) {
		JsonNode chat = json(chatJson);
		if (!chat.isObject()) {
			throw new IllegalArgumentException("A chat must be a JSON object: " + chatJson);
		}
		this.api.configureChat(chatId, (ObjectNode) chat);
	}

	/**
	 * Answers a method with the result computed from the request body instead of the
	 * built-in answer; returning {@code null} falls back to the built-in answer. Scripted
	 * failures still come first. A {@code null} function removes the stub.
	 */
	public void stub(String method, Function<JsonNode, JsonNode> result) {
		this.api.stub(method, result);
	}

	/** Parses JSON leniently (single quotes, unquoted field names). */
	public static JsonNode json(String json) {
		try {
			return MAPPER.readTree(json);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Invalid JSON: " + json, ex);
		}
	}

	/** The user object of the fake bot, as returned by {@code getMe}. */
	public JsonNode botUser() {
		return this.api.bot();
	}

	// HTTP

	private void handle(HttpExchange exchange) {
		this.inFlight.incrementAndGet();
		try {
			serve(exchange);
		}
		catch (IOException ex) {
			// The client gave up on the request; there is nobody left to answer.
		}
		finally {
			exchange.close();
			this.inFlight.decrementAndGet();
		}
	}

	private void serve(HttpExchange exchange) throws IOException {
		Instant at = Instant.now();
		String[] route = route(exchange.getRequestURI().getPath());
		byte[] raw = exchange.getRequestBody().readAllBytes();
		if (route == null) {
			respond(exchange, Reply.error(404, "Not Found", null));
			return;
		}
		String method = route[1];
		ObjectNode body;
		boolean parsed;
		try {
			body = this.bodies.parse(exchange.getRequestURI().getRawQuery(),
					exchange.getRequestHeaders().getFirst("Content-Type"), raw);
			parsed = true;
		}
		catch (IOException ex) {
			// Recorded as received, so a test can see what the bot actually sent.
			body = MAPPER.createObjectNode();
			body.put("raw_body", new String(raw, StandardCharsets.UTF_8));
			parsed = false;
		}
		Reply reply;
		try {
			if (!this.token.equals(route[0])) {
				reply = Reply.error(401, "Unauthorized", null);
			}
			else if (!parsed) {
				reply = Reply.badRequest("can't parse request body");
			}
			else {
				reply = answer(method, body);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		catch (RuntimeException ex) {
			reply = Reply.error(500, "Internal Server Error: fake Telegram failed: " + ex, null);
		}
		this.log.add(new Call(method, body, at, reply.failed(), reply.status(), reply.json()));
		respond(exchange, reply);
	}

	private Reply answer(String method, ObjectNode body) throws InterruptedException {
		String key = method.toLowerCase(Locale.ROOT);
		Reply failure = takeFailure(key, body);
		if (failure != null) {
			return failure;
		}
		if ("getupdates".equals(key)) {
			if (this.webhook != null) {
				return Reply.error(409, "Conflict: can't use getUpdates method while webhook is active; "
						+ "use deleteWebhook to delete the webhook first", null);
			}
			return getUpdates(body);
		}
		if ("setwebhook".equals(key)) {
			return setWebhook(body);
		}
		if ("deletewebhook".equals(key)) {
			if (body.path("drop_pending_updates").asBoolean(false)) {
				this.updates.dropAll();
			}
			this.webhook = null;
			return Reply.ok(BooleanNode.TRUE);
		}
		if ("getwebhookinfo".equals(key)) {
			return getWebhookInfo();
		}
		return this.api.answer(key, body);
	}

	private Reply getUpdates(JsonNode body) throws InterruptedException {
		Long offset = body.hasNonNull("offset") ? body.get("offset").asLong() : null;
		int limit = body.path("limit").asInt(MAX_UPDATES_PER_CALL);
		if (limit <= 0 || limit > MAX_UPDATES_PER_CALL) {
			limit = MAX_UPDATES_PER_CALL;
		}
		Duration hold = body.hasNonNull("timeout") ? Duration.ofSeconds(Math.max(0, body.get("timeout").asLong()))
				: DEFAULT_HOLD;
		List<String> allowed = null;
		JsonNode allowedUpdates = body.get("allowed_updates");
		if (allowedUpdates != null && allowedUpdates.isArray()) {
			allowed = new ArrayList<>();
			for (JsonNode type : allowedUpdates) {
				allowed.add(type.asText());
			}
		}
		UpdateQueue.Poll poll = this.updates.poll(offset, limit, hold, allowed);
		if (poll.conflict()) {
			return Reply.error(409, "Conflict: terminated by other getUpdates request; "
					+ "make sure that only one bot instance is running", null);
		}
		ArrayNode result = MAPPER.createArrayNode();
		result.addAll(poll.updates());
		return Reply.ok(result);
	}

	// Webhook

	/**
	 * Sets or, with an empty url, removes the webhook. Telegram takes only HTTPS addresses; the fake also takes
	 * plain HTTP on 127.0.0.1, as tests have no certificate.
	 */
	private Reply setWebhook(JsonNode body) {
		String url = body.path("url").asText("");
		if (url.isEmpty()) {
			this.webhook = null;
			return Reply.ok(BooleanNode.TRUE);
		}
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			return Reply.badRequest("bad webhook: Failed to parse URL");
		}
		boolean loopback = "http".equals(uri.getScheme()) && HOST.equals(uri.getHost());
		if (!"https".equals(uri.getScheme()) && !loopback) {
			return Reply.badRequest("bad webhook: An HTTPS URL must be provided for webhook");
		}
		String secret = body.hasNonNull("secret_token") ? body.get("secret_token").asText() : null;
		if (secret != null && !secret.matches("[A-Za-z0-9_-]{1,256}")) {
			return Reply.badRequest("secret token contains unallowed characters");
		}
		List<String> allowed = null;
		if (body.path("allowed_updates").isArray()) {
			allowed = new ArrayList<>();
			for (JsonNode type : body.get("allowed_updates")) {
				allowed.add(type.asText());
			}
		}
		if (body.path("drop_pending_updates").asBoolean(false)) {
			this.updates.dropAll();
		}
		JsonNode certificate = body.path("certificate").path("content_base64");
		HttpClient client = this.webhookClient;
		if (certificate.isTextual()) {
			try {
				client = trusting(Base64.getDecoder().decode(certificate.asText()));
			}
			catch (GeneralSecurityException | IOException ex) {
				return Reply.badRequest("bad webhook: Failed to set custom certificate file");
			}
		}
		Webhook hook = new Webhook(uri, secret, body.path("max_connections").asInt(40), allowed,
				certificate.isTextual());
		this.webhook = hook;
		HttpClient posting = client;
		this.executor.execute(() -> deliver(hook, posting));
		return Reply.ok(BooleanNode.TRUE);
	}

	private Reply getWebhookInfo() {
		ObjectNode info = MAPPER.createObjectNode();
		Webhook hook = this.webhook;
		info.put("url", (hook != null) ? hook.url().toString() : "");
		info.put("has_custom_certificate", hook != null && hook.customCertificate());
		info.put("pending_update_count", this.updates.pendingIds().size());
		if (hook != null) {
			info.put("max_connections", hook.maxConnections());
			if (hook.allowedUpdates() != null) {
				hook.allowedUpdates().forEach(info.putArray("allowed_updates")::add);
			}
			if (this.lastWebhookError != null) {
				info.put("last_error_date", this.lastWebhookErrorAt.getEpochSecond());
				info.put("last_error_message", this.lastWebhookError);
			}
		}
		return Reply.ok(info);
	}

	/**
	 * Posts the kept updates to the webhook one at a time, in order, until another webhook replaces this one: an
	 * update is forgotten once the bot answers its post with a 2xx status, and posted again after a moment otherwise.
	 */
	private void deliver(Webhook hook, HttpClient client) {
		try {
			while (!this.closed.get() && this.webhook == hook) {
				UpdateQueue.Poll poll = this.updates.poll(null, 1, Duration.ofMillis(200), hook.allowedUpdates());
				if (poll.updates().isEmpty() || this.webhook != hook) {
					continue;
				}
				ObjectNode update = poll.updates().get(0);
				long id = update.path("update_id").asLong();
				int status = post(client, hook, update);
				if (this.webhook != hook) {
					// replaced while posting: the new webhook's loop posts the update again
					continue;
				}
				this.deliveries.add(new Delivery(id, hook.secret(), status));
				if (status >= 200 && status < 300) {
					this.updates.confirmOne(id);
				}
				else {
					this.lastWebhookErrorAt = Instant.now();
					this.lastWebhookError = (status == 0) ? "Connection refused"
							: "Wrong response from the webhook: " + status;
					Thread.sleep(WEBHOOK_RETRY.toMillis());
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** A client that trusts the certificate the bot uploaded with the webhook, as Telegram does a self-signed one. */
	private static HttpClient trusting(byte[] certificate) throws GeneralSecurityException, IOException {
		KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
		trusted.load(null, null);
		trusted.setCertificateEntry("webhook",
				CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(certificate)));
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(trusted);
		SSLContext ssl = SSLContext.getInstance("TLS");
		ssl.init(null, trust.getTrustManagers(), null);
		return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).sslContext(ssl).build();
	}

	private int post(HttpClient client, Webhook hook, ObjectNode update) throws InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(hook.url())
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(update.toString()));
		if (hook.secret() != null) {
			request.header("X-Telegram-Bot-Api-Secret-Token", hook.secret());
		}
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/** The webhook as the bot set it last, or {@code null} when the bot polls. */
	public Webhook webhook() {
		return this.webhook;
	}

	/** Every post of an update to the webhook so far, in order. */
	public List<Delivery> deliveries() {
		return List.copyOf(this.deliveries);
	}

	/** Where and how the fake posts updates in webhook mode. */
	public record Webhook(URI url, String secret, int maxConnections, List<String> allowedUpdates,
			boolean customCertificate) {
	}

	/** One post of an update to the webhook: the secret it carried and the bot's status, 0 if unreachable. */
	public record Delivery(long updateId, String secret, int status) {
	}

	/**
	 * Splits {@code /bot<token>/<method>} (or {@code /bot<token>/test/<method>} for the
	 * test environment) into token and method.
	 */
	private static String[] route(String path) {
		if (path == null || !path.startsWith("/bot")) {
			return null;
		}
		int slash = path.indexOf('/', 4);
		if (slash < 0) {
			return null;
		}
		String method = path.substring(slash + 1);
		if (method.startsWith("test/")) {
			method = method.substring("test/".length());
		}
		if (method.isEmpty() || method.contains("/")) {
			return null;
		}
		return new String[] { path.substring(4, slash), method };
	}

	private static void respond(HttpExchange exchange, Reply reply) throws IOException {
		byte[] bytes = reply.bytes();
		exchange.getResponseHeaders().set("Content-Type", reply.contentType());
		exchange.sendResponseHeaders(reply.status(), bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static long botIdOf(String token) {
		int colon = token.indexOf(':');
		try {
			return Long.parseLong((colon > 0) ? token.substring(0, colon) : token);
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	/**
	 * One Bot API call as the fake received it.
	 *
	 * @param method the method name as sent by the client (case not normalized)
	 * @param body the parameters, whether sent as JSON, form fields or multipart; uploaded
	 * files appear as {@code {file_name, content_type, size}}
	 * @param at when the request arrived
	 * @param failed whether it was answered with an error
	 * @param status the HTTP status of the answer
	 * @param response the JSON answer ({@code ok}, {@code result} or error fields)
	 */
	public record Call(String method, JsonNode body, Instant at, boolean failed, int status, JsonNode response) {

		/** Whether this is a call of the method, compared case-insensitively. */
		public boolean is(String name) {
			return this.method.equalsIgnoreCase(name);
		}

		/** The {@code chat_id} parameter as text, or {@code null}. */
		public String chatId() {
			JsonNode chatId = this.body.get("chat_id");
			return (chatId != null && !chatId.isNull()) ? chatId.asText() : null;
		}

		/** The {@code text} parameter, or {@code null}. */
		public String text() {
			JsonNode text = this.body.get("text");
			return (text != null && !text.isNull()) ? text.asText() : null;
		}

		/** The {@code result} of a successful answer (missing node for failures). */
		public JsonNode result() {
			return this.response.path("result");
		}

		/** The error description of a failed answer, or {@code null}. */
		public String description() {
			JsonNode description = this.response.get("description");
			return (description != null) ? description.asText() : null;
		}

	}

	private static final class ScriptedFailure {

		private final String method;

		private final String chatId;

		private final Reply reply;

		private int remaining;

		ScriptedFailure(String method, String chatId, int remaining, Reply reply) {
			this.method = method;
			this.chatId = chatId;
			this.remaining = remaining;
			this.reply = reply;
		}

		boolean matches(String method, JsonNode body) {
			if (!"*".equals(this.method) && !this.method.equals(method)) {
				return false;
			}
			if (this.chatId == null) {
				return true;
			}
			JsonNode chatId = body.get("chat_id");
			return chatId != null && this.chatId.equals(chatId.asText());
		}

	}

}
