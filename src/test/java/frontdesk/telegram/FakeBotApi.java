package frontdesk.telegram;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The answers of the fake Bot API for everything except {@code getUpdates}: realistic
 * results for the methods Frontdesk uses, with the chat state (message ids, sent
 * messages, forum topics) needed to make them consistent, and the validation errors
 * Telegram gives for the most common mistakes.
 */
final class FakeBotApi {

	static final String BOT_FIRST_NAME = "Frontdesk";

	static final String BOT_USERNAME = "frontdesk_test_bot";

	static final long SUPERGROUP_ID_LIMIT = -1_000_000_000_000L;

	private static final int MAX_TEXT_LENGTH = 4096;

	private static final int MAX_CAPTION_LENGTH = 1024;

	private static final int MAX_CALLBACK_DATA_BYTES = 64;

	private static final int DEFAULT_TOPIC_ICON_COLOR = 7322096;

	private static final Map<String, String> MEDIA_FIELDS = Map.of("sendphoto", "photo", "senddocument", "document",
			"sendvideo", "video", "sendaudio", "audio", "sendvoice", "voice", "sendsticker", "sticker", "sendanimation",
			"animation", "sendvideonote", "video_note");

	private static final List<String> CONTENT_FIELDS = List.of("text", "entities", "caption", "caption_entities",
			"photo", "document", "video", "animation", "audio", "voice", "sticker", "video_note", "location", "venue",
			"contact", "dice", "poll");

	private static final List<String> BASIC_CHAT_FIELDS = List.of("type", "title", "username", "first_name",
			"last_name", "is_forum");

	private final ObjectMapper mapper;

	private final ObjectNode bot;

	private final Map<Long, ObjectNode> configuredChats = new HashMap<>();

	private final Map<String, Long> chatsByUsername = new HashMap<>();

	private final Map<Long, String> userNames = new HashMap<>();

	private final Map<Long, Integer> lastMessageIds = new HashMap<>();

	private final Map<Long, Map<Integer, ObjectNode>> messages = new HashMap<>();

	private final Map<Long, Map<Integer, String>> topics = new HashMap<>();

	private final Map<Long, Set<Integer>> deletedTopics = new HashMap<>();

	private final Map<Long, Set<Integer>> closedTopics = new HashMap<>();

	private final Map<String, Function<JsonNode, JsonNode>> stubs = new ConcurrentHashMap<>();

	private long lastFileNumber;

	private long lastMediaGroup;

	FakeBotApi(ObjectMapper mapper, long botId) {
		this.mapper = mapper;
		this.bot = mapper.createObjectNode();
		this.bot.put("id", botId);
		this.bot.put("is_bot", true);
		this.bot.put("first_name", BOT_FIRST_NAME);
		this.bot.put("username", BOT_USERNAME);
	}

	ObjectNode bot() {
		return this.bot.deepCopy();
	}

	void stub(String method, Function<JsonNode, JsonNode> result) {
		String key = method.toLowerCase(Locale.ROOT);
		if (result == null) {
			this.stubs.remove(key);
		}
		else {
			this.stubs.put(key, result);
		}
	}

	/**
	 * Answers a call; the method name is lower case. Stubs run outside the lock so that a
	 * stub may take its time (a slow Telegram) without holding up other calls.
	 */
	Reply answer(String method, JsonNode body) {
		Function<JsonNode, JsonNode> stub = this.stubs.get(method);
		if (stub != null) {
			JsonNode result = stub.apply(body);
			if (result != null) {
				return Reply.ok(result);
			}
		}
		synchronized (this) {
			return answerBuiltIn(method, body);
		}
	}

	private Reply answerBuiltIn(String method, JsonNode body) {
		if (MEDIA_FIELDS.containsKey(method)) {
			return sendMedia(method, body);
		}
		return switch (method) {
			case "getme" -> Reply.ok(bot());
			case "sendmessage" -> sendMessage(body);
			case "sendlocation", "sendvenue", "sendcontact", "senddice", "sendpoll" -> sendOther(method, body);
			case "sendmediagroup" -> sendMediaGroup(body);
			case "forwardmessage" -> forwardMessage(body);
			case "copymessage" -> copyMessage(body);
			case "forwardmessages", "copymessages" -> copyMessages(method, body);
			case "editmessagetext" -> editMessage(body, "text");
			case "editmessagecaption" -> editMessage(body, "caption");
			case "editmessagereplymarkup" -> editMessage(body, null);
			case "deletemessage" -> deleteMessages(body, List.of(body.path("message_id").asInt()));
			case "deletemessages" -> deleteMessages(body, intList(body.path("message_ids")));
			case "getchat" -> getChat(body);
			case "getchatmember" -> getChatMember(body);
			case "getchatmembercount" -> Reply.ok(IntNode.valueOf(2));
			case "createforumtopic" -> createForumTopic(body);
			case "editforumtopic" -> editForumTopic(body);
			case "deleteforumtopic" -> deleteForumTopic(body);
			case "closeforumtopic" -> closeForumTopic(body, true);
			case "reopenforumtopic" -> closeForumTopic(body, false);
			case "getmycommands", "getforumtopiciconstickers" -> Reply.ok(this.mapper.createArrayNode());
			case "getfile" -> getFile(body);
			case "getuserprofilephotos" -> getUserProfilePhotos();
			case "exportchatinvitelink" -> Reply.ok(TextNode.valueOf("https://t.me/+fake-invite-link"));
			default -> Reply.ok(BooleanNode.TRUE);
		};
	}

	private Reply sendMessage(JsonNode body) {
		Long chatId = chatIdOf(body, "chat_id");
		if (chatId == null) {
			return Reply.badRequest("chat_id is empty");
		}
		String text = body.path("text").asText("");
		if (text.isBlank()) {
			return Reply.badRequest("message text is empty");
		}
		if (visibleLength(text, body) > MAX_TEXT_LENGTH) {
			return Reply.badRequest("message is too long");
		}
		Reply invalid = checkCommon(chatId, body);
		if (invalid != null) {
			return invalid;
		}
		ObjectNode message = newBotMessage(chatId, body);
		message.put("text", text);
		copyIfPresent(body, message, "entities");
		return Reply.ok(store(chatId, message).deepCopy());
	}

	private Reply sendMedia(String method, JsonNode body) {
		Long chatId = chatIdOf(body, "chat_id");
		if (chatId == null) {
			return Reply.badRequest("chat_id is empty");
		}
		String field = MEDIA_FIELDS.get(method);
		JsonNode input = body.get(field);
		if (input == null || input.isNull() || (input.isTextual() && input.asText().isEmpty())) {
			return Reply.badRequest("there is no " + field + " in the request");
		}
		Reply invalid = checkCaption(body);
		if (invalid == null) {
			invalid = checkCommon(chatId, body);
		}
		if (invalid != null) {
			return invalid;
		}
		ObjectNode message = newBotMessage(chatId, body);
		message.set(field, media(field, input));
		if ("animation".equals(field)) {
			message.set("document", media("document", input));
		}
		copyIfPresent(body, message, "caption");
		copyIfPresent(body, message, "caption_entities");
		return Reply.ok(store(chatId, message).deepCopy());
	}

	private Reply sendOther(String method, JsonNode body) {
		Long chatId = chatIdOf(body, "chat_id");
		if (chatId == null) {
			return Reply.badRequest("chat_id is empty");
		}
		Reply invalid = checkCommon(chatId, body);
		if (invalid != null) {
			return invalid;
		}
		ObjectNode message = newBotMessage(chatId, body);
		switch (method) {
			case "sendlocation" -> message.set("location", location(body));
			case "sendvenue" -> {
				ObjectNode venue = message.putObject("venue");
				venue.set("location", location(body));
				venue.put("title", body.path("title").asText(""));
				venue.put("address", body.path("address").asText(""));
				message.set("location", location(body));
			}
			case "sendcontact" -> {
				ObjectNode contact = message.putObject("contact");
				contact.put("phone_number", body.path("phone_number").asText(""));
				contact.put("first_name", body.path("first_name").asText(""));
				copyIfPresent(body, contact, "last_name");
			}
			case "senddice" -> {
				ObjectNode dice = message.putObject("dice");
				dice.put("emoji", body.path("emoji").asText("\uD83C\uDFB2"));
				dice.put("value", 1);
			}
			default -> {
				ObjectNode poll = message.putObject("poll");
				poll.put("id", String.valueOf(nextFileNumber()));
				poll.put("question", body.path("question").asText(""));
				ArrayNode options = poll.putArray("options");
				for (JsonNode option : body.path("options")) {
					ObjectNode pollOption = options.addObject();
					pollOption.put("text", option.isTextual() ? option.asText() : option.path("text").asText(""));
					pollOption.put("voter_count", 0);
				}
				poll.put("total_voter_count", 0);
				poll.put("is_closed", false);
				poll.put("is_anonymous", body.path("is_anonymous").asBoolean(true));
				poll.put("type", body.path("type").asText("regular"));
				poll.put("allows_multiple_answers", body.path("allows_multiple_answers").asBoolean(false));
			}
		}
		return Reply.ok(store(chatId, message).deepCopy());
	}

	private Reply sendMediaGroup(JsonNode body) {
		Long chatId = chatIdOf(body, "chat_id");
		if (chatId == null) {
			return Reply.badRequest("chat_id is empty");
		}
		JsonNode media = body.path("media");
		if (!media.isArray() || media.size() < 2 || media.size() > 10) {
			return Reply.badRequest("wrong number of media in the album");
		}
		Reply invalid = checkCommon(chatId, body);
		if (invalid != null) {
			return invalid;
		}
		String group = String.valueOf(++this.lastMediaGroup);
		ArrayNode result = this.mapper.createArrayNode();
		for (JsonNode item : media) {
			ObjectNode message = newBotMessage(chatId, body);
			message.put("media_group_id", group);
			String field = item.path("type").asText("photo");
			message.set(field, media(field, item.path("media")));
			copyIfPresent(item, message, "caption");
			result.add(store(chatId, message).deepCopy());
		}
		return Reply.ok(result);
	}

	private Reply forwardMessage(JsonNode body) {
		Long chatId = chatIdOf(body, "chat_id");
		Long fromChatId = chatIdOf(body, "from_chat_id");
		if (chatId == null || fromChatId == null) {
			return Reply.badRequest("chat_id is empty");
		}
		Reply invalid = checkThread(chatId, body);
		if (invalid != null) {
			return invalid;
		}
		int sourceId = body.path("message_id").asInt();
		ObjectNode source = stored(fromChatId, sourceId);
		ObjectNode message = newBotMessage(chatId, body);
		copyContent(source, message);
		ObjectNode origin = message.putObject("forward_origin");
		JsonNode sender = (source != null) ? source.get("from") : null;
		if (sender != null) {
			origin.put("type", "user");
			origin.set("sender_user", sender.deepCopy());
		}
		else {
			origin.put("type", "hidden_user");
			origin.put("sender_user_name", "User");
		}
		origin.put("date", (source != null) ? source.path("date").asLong(now()) : now());
		return Reply.ok(store(chatId, message).deepCopy());
	}

	private Reply copyMessage(JsonNode body) {
		Long chatId = chatIdOf(body, "chat_id");
		Long fromChatId = chatIdOf(body, "from_chat_id");
		if (chatId == null || fromChatId == null) {
			return Reply.badRequest("chat_id is empty");
		}
		Reply invalid = checkCaption(body);
		if (invalid == null) {
			invalid = checkCommon(chatId, body);
		}
		if (invalid != null) {
			return invalid;
		}
		ObjectNode copy = copyInto(chatId, fromChatId, body.path("message_id").asInt(), body);
		return Reply.ok(messageId(copy));
	}

	private Reply copyMessages(String method, JsonNode body) {
		Long chatId = chatIdOf(body, "chat_id");
		Long fromChatId = chatIdOf(body, "from_chat_id");
		if (chatId == null || fromChatId == null) {
			return Reply.badRequest("chat_id is empty");
		}
		Reply invalid = checkThread(chatId, body);
		if (invalid != null) {
			return invalid;
		}
		ArrayNode result = this.mapper.createArrayNode();
		for (int sourceId : intList(body.path("message_ids"))) {
			ObjectNode copy = copyInto(chatId, fromChatId, sourceId, body);
			if ("forwardmessages".equals(method)) {
				copy.putObject("forward_origin").put("type", "hidden_user").put("sender_user_name", "User")
					.put("date", now());
			}
			result.add(messageId(copy));
		}
		return Reply.ok(result);
	}

	private ObjectNode copyInto(long chatId, long fromChatId, int sourceId, JsonNode body) {
		ObjectNode message = newBotMessage(chatId, body);
		copyContent(stored(fromChatId, sourceId), message);
		if (body.has("caption")) {
			message.put("caption", body.path("caption").asText());
		}
		return store(chatId, message);
	}

	private Reply editMessage(JsonNode body, String contentField) {
		if (body.hasNonNull("inline_message_id")) {
			return Reply.ok(BooleanNode.TRUE);
		}
		Long chatId = chatIdOf(body, "chat_id");
		if (chatId == null) {
			return Reply.badRequest("chat_id is empty");
		}
		if ("text".equals(contentField)) {
			String text = body.path("text").asText("");
			if (text.isBlank()) {
				return Reply.badRequest("message text is empty");
			}
			if (visibleLength(text, body) > MAX_TEXT_LENGTH) {
				return Reply.badRequest("MESSAGE_TOO_LONG");
			}
		}
		Reply invalid = ("caption".equals(contentField)) ? checkCaption(body) : null;
		if (invalid == null) {
			invalid = checkMarkup(body);
		}
		if (invalid != null) {
			return invalid;
		}
		int messageId = body.path("message_id").asInt();
		ObjectNode existing = stored(chatId, messageId);
		ObjectNode edited = (existing != null) ? existing.deepCopy() : skeleton(chatId, messageId);
		if (contentField != null) {
			if (body.has(contentField)) {
				edited.put(contentField, body.path(contentField).asText());
			}
			else {
				edited.remove(contentField);
			}
		}
		JsonNode markup = body.get("reply_markup");
		if (markup != null && markup.has("inline_keyboard")) {
			edited.set("reply_markup", markup.deepCopy());
		}
		else {
			edited.remove("reply_markup");
		}
		if (existing != null && sameContent(existing, edited)) {
			return Reply.badRequest("message is not modified: specified new message content and reply markup are "
					+ "exactly the same as a current content and reply markup of the message");
		}
		edited.put("edit_date", now());
		return Reply.ok(store(chatId, edited).deepCopy());
	}

	private Reply deleteMessages(JsonNode body, List<Integer> messageIds) {
		Long chatId = chatIdOf(body, "chat_id");
		if (chatId == null) {
			return Reply.badRequest("chat_id is empty");
		}
		Map<Integer, ObjectNode> chatMessages = this.messages.get(chatId);
		if (chatMessages != null) {
			messageIds.forEach(chatMessages::remove);
		}
		return Reply.ok(BooleanNode.TRUE);
	}

	private Reply getChat(JsonNode body) {
		Long chatId = chatIdOf(body, "chat_id");
		if (chatId == null) {
			return Reply.badRequest("chat not found");
		}
		ObjectNode configured = this.configuredChats.get(chatId);
		ObjectNode chat = (configured != null) ? configured.deepCopy() : chat(chatId);
		chat.put("id", chatId);
		if (!chat.has("type")) {
			chat.put("type", defaultChatType(chatId));
		}
		if (!chat.has("accent_color_id")) {
			chat.put("accent_color_id", 0);
		}
		if (!chat.has("max_reaction_count")) {
			chat.put("max_reaction_count", 11);
		}
		return Reply.ok(chat);
	}

	private Reply getChatMember(JsonNode body) {
		long userId = body.path("user_id").asLong();
		ObjectNode member = this.mapper.createObjectNode();
		if (userId == this.bot.path("id").asLong()) {
			member.put("status", "administrator");
			member.set("user", bot());
			member.put("can_be_edited", false);
			member.put("is_anonymous", false);
			for (String right : List.of("can_manage_chat", "can_delete_messages", "can_manage_video_chats",
					"can_restrict_members", "can_change_info", "can_invite_users", "can_pin_messages",
					"can_manage_topics")) {
				member.put(right, true);
			}
			member.put("can_promote_members", false);
		}
		else {
			member.put("status", "member");
			member.set("user", user(userId));
		}
		return Reply.ok(member);
	}

	private Reply createForumTopic(JsonNode body) {
		Long chatId = chatIdOf(body, "chat_id");
		String name = body.path("name").asText("");
		if (chatId == null) {
			return Reply.badRequest("chat_id is empty");
		}
		if (name.isEmpty() || name.length() > 128) {
			return Reply.badRequest("TOPIC_NAME_INVALID");
		}
		int threadId = nextMessageId(chatId);
		this.topics.computeIfAbsent(chatId, (id) -> new HashMap<>()).put(threadId, name);
		ObjectNode topic = this.mapper.createObjectNode();
		topic.put("message_thread_id", threadId);
		topic.put("name", name);
		topic.put("icon_color", body.path("icon_color").asInt(DEFAULT_TOPIC_ICON_COLOR));
		copyIfPresent(body, topic, "icon_custom_emoji_id");
		return Reply.ok(topic);
	}

	/** What Telegram answers a request about a topic with no chat, or about a deleted topic; null for none. */
	private Reply topicProblem(JsonNode body) {
		Long chatId = chatIdOf(body, "chat_id");
		if (chatId == null) {
			return Reply.badRequest("chat_id is empty");
		}
		return isDeletedTopic(chatId, body.path("message_thread_id").asInt())
				? Reply.badRequest("message thread not found") : null;
	}

	private Reply editForumTopic(JsonNode body) {
		Reply problem = topicProblem(body);
		if (problem != null) {
			return problem;
		}
		long chatId = chatIdOf(body, "chat_id");
		int threadId = body.path("message_thread_id").asInt();
		if (body.hasNonNull("name")) {
			this.topics.computeIfAbsent(chatId, (id) -> new HashMap<>()).put(threadId, body.path("name").asText());
		}
		return Reply.ok(BooleanNode.TRUE);
	}

	/** Closes or reopens a topic; as in Telegram, one already so is answered TOPIC_NOT_MODIFIED. */
	private Reply closeForumTopic(JsonNode body, boolean close) {
		Reply problem = topicProblem(body);
		if (problem != null) {
			return problem;
		}
		int threadId = body.path("message_thread_id").asInt();
		Set<Integer> closed = this.closedTopics.computeIfAbsent(chatIdOf(body, "chat_id"), (id) -> new HashSet<>());
		if (close ? !closed.add(threadId) : !closed.remove(threadId)) {
			return Reply.badRequest("TOPIC_NOT_MODIFIED");
		}
		return Reply.ok(BooleanNode.TRUE);
	}

	private Reply deleteForumTopic(JsonNode body) {
		Long chatId = chatIdOf(body, "chat_id");
		if (chatId == null) {
			return Reply.badRequest("chat_id is empty");
		}
		int threadId = body.path("message_thread_id").asInt();
		this.topics.getOrDefault(chatId, new HashMap<>()).remove(threadId);
		this.deletedTopics.computeIfAbsent(chatId, (id) -> new HashSet<>()).add(threadId);
		return Reply.ok(BooleanNode.TRUE);
	}

	private Reply getFile(JsonNode body) {
		String fileId = body.path("file_id").asText("");
		if (fileId.isEmpty()) {
			return Reply.badRequest("file_id is empty");
		}
		ObjectNode file = this.mapper.createObjectNode();
		file.put("file_id", fileId);
		file.put("file_unique_id", uniqueId(fileId));
		file.put("file_size", 1024);
		file.put("file_path", "files/" + fileId);
		return Reply.ok(file);
	}

	private Reply getUserProfilePhotos() {
		ObjectNode photos = this.mapper.createObjectNode();
		photos.put("total_count", 0);
		photos.putArray("photos");
		return Reply.ok(photos);
	}

	// Chat state

	synchronized int nextMessageId(long chatId) {
		return this.lastMessageIds.merge(chatId, 1, Integer::sum);
	}

	synchronized void rememberUser(long userId, String firstName) {
		if (firstName != null) {
			this.userNames.put(userId, firstName);
		}
	}

	synchronized void configureChat(long chatId, ObjectNode chat) {
		ObjectNode copy = chat.deepCopy();
		copy.put("id", chatId);
		this.configuredChats.put(chatId, copy);
		if (copy.hasNonNull("username")) {
			this.chatsByUsername.put(copy.get("username").asText().toLowerCase(Locale.ROOT), chatId);
		}
	}

	synchronized ObjectNode user(long userId) {
		ObjectNode user = this.mapper.createObjectNode();
		user.put("id", userId);
		user.put("is_bot", false);
		user.put("first_name", this.userNames.getOrDefault(userId, "User"));
		user.put("language_code", "en");
		return user;
	}

	synchronized ObjectNode chat(long chatId) {
		ObjectNode chat = this.mapper.createObjectNode();
		chat.put("id", chatId);
		ObjectNode configured = this.configuredChats.get(chatId);
		if (configured != null) {
			for (String field : BASIC_CHAT_FIELDS) {
				copyIfPresent(configured, chat, field);
			}
			if (!chat.has("type")) {
				chat.put("type", defaultChatType(chatId));
			}
			return chat;
		}
		String type = defaultChatType(chatId);
		chat.put("type", type);
		if ("private".equals(type)) {
			chat.put("first_name", this.userNames.getOrDefault(chatId, "User"));
		}
		else {
			chat.put("title", "Chat " + chatId);
		}
		return chat;
	}

	/**
	 * A message as it would appear in an update: the stored one if the chat has it,
	 * otherwise a minimal message sent by the bot.
	 */
	synchronized ObjectNode messageForUpdate(long chatId, int messageId) {
		ObjectNode stored = stored(chatId, messageId);
		return (stored != null) ? stored.deepCopy() : skeleton(chatId, messageId);
	}

	synchronized ObjectNode incomingMessage(long chatId, long userId, String firstName) {
		rememberUser(userId, firstName);
		ObjectNode message = this.mapper.createObjectNode();
		message.put("message_id", nextMessageId(chatId));
		message.set("from", user(userId));
		message.set("chat", chat(chatId));
		message.put("date", now());
		return message;
	}

	synchronized void storeIncoming(long chatId, ObjectNode message) {
		store(chatId, message.deepCopy());
	}

	private ObjectNode newBotMessage(long chatId, JsonNode body) {
		ObjectNode message = this.mapper.createObjectNode();
		message.put("message_id", nextMessageId(chatId));
		message.set("from", bot());
		message.set("chat", chat(chatId));
		message.put("date", now());
		int threadId = body.path("message_thread_id").asInt(0);
		if (threadId != 0) {
			message.put("message_thread_id", threadId);
			message.put("is_topic_message", true);
		}
		int replyTo = body.path("reply_parameters").path("message_id").asInt(body.path("reply_to_message_id").asInt(0));
		if (replyTo != 0) {
			ObjectNode original = stored(chatId, replyTo);
			ObjectNode reply = (original != null) ? original.deepCopy() : skeleton(chatId, replyTo);
			reply.remove("reply_to_message");
			message.set("reply_to_message", reply);
		}
		JsonNode markup = body.get("reply_markup");
		if (markup != null && markup.has("inline_keyboard")) {
			message.set("reply_markup", markup.deepCopy());
		}
		return message;
	}

	private ObjectNode skeleton(long chatId, int messageId) {
		ObjectNode message = this.mapper.createObjectNode();
		message.put("message_id", messageId);
		message.set("from", bot());
		message.set("chat", chat(chatId));
		message.put("date", now());
		return message;
	}

	private ObjectNode store(long chatId, ObjectNode message) {
		this.messages.computeIfAbsent(chatId, (id) -> new HashMap<>()).put(message.path("message_id").asInt(), message);
		return message;
	}

	private ObjectNode stored(long chatId, int messageId) {
		Map<Integer, ObjectNode> chatMessages = this.messages.get(chatId);
		return (chatMessages != null) ? chatMessages.get(messageId) : null;
	}

	private boolean isDeletedTopic(long chatId, int threadId) {
		return threadId != 0 && this.deletedTopics.getOrDefault(chatId, Set.of()).contains(threadId);
	}

	private Long chatIdOf(JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull() || value.asText().isEmpty()) {
			return null;
		}
		String raw = value.asText().trim();
		if (raw.startsWith("@")) {
			String username = raw.substring(1).toLowerCase(Locale.ROOT);
			Long known = this.chatsByUsername.get(username);
			if (known == null) {
				known = SUPERGROUP_ID_LIMIT - 1 - this.chatsByUsername.size();
				ObjectNode channel = this.mapper.createObjectNode();
				channel.put("type", "channel");
				channel.put("title", raw.substring(1));
				channel.put("username", raw.substring(1));
				configureChat(known, channel);
			}
			return known;
		}
		try {
			return Long.parseLong(raw);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	// Validation

	private Reply checkCommon(long chatId, JsonNode body) {
		Reply invalid = checkMarkup(body);
		return (invalid != null) ? invalid : checkThread(chatId, body);
	}

	private Reply checkThread(long chatId, JsonNode body) {
		if (isDeletedTopic(chatId, body.path("message_thread_id").asInt(0))) {
			return Reply.badRequest("message thread not found");
		}
		return null;
	}

	private Reply checkMarkup(JsonNode body) {
		for (JsonNode row : body.path("reply_markup").path("inline_keyboard")) {
			for (JsonNode button : row) {
				JsonNode data = button.get("callback_data");
				if (data != null) {
					int bytes = data.asText().getBytes(StandardCharsets.UTF_8).length;
					if (bytes == 0 || bytes > MAX_CALLBACK_DATA_BYTES) {
						return Reply.badRequest("BUTTON_DATA_INVALID");
					}
				}
			}
		}
		return null;
	}

	private Reply checkCaption(JsonNode body) {
		if (body.hasNonNull("caption") && visibleLength(body.path("caption").asText(), body) > MAX_CAPTION_LENGTH) {
			return Reply.badRequest("message caption is too long");
		}
		return null;
	}

	/**
	 * Length as Telegram counts it, after HTML markup is removed. Markdown is counted as
	 * written, which can only overestimate.
	 */
	private static int visibleLength(String text, JsonNode body) {
		if ("html".equalsIgnoreCase(body.path("parse_mode").asText(""))) {
			text = text.replaceAll("<[^>]*>", "")
				.replace("&lt;", "<")
				.replace("&gt;", ">")
				.replace("&quot;", "\"")
				.replace("&amp;", "&");
		}
		return text.length();
	}

	private static boolean sameContent(ObjectNode current, ObjectNode edited) {
		for (String field : List.of("text", "caption", "reply_markup")) {
			if (!Objects.equals(current.get(field), edited.get(field))) {
				return false;
			}
		}
		return true;
	}

	// Media

	private JsonNode media(String field, JsonNode input) {
		String fileId = fileIdOf(input);
		long size = input.path("size").asLong(1024);
		ObjectNode media = this.mapper.createObjectNode();
		media.put("file_id", fileId);
		media.put("file_unique_id", uniqueId(fileId));
		switch (field) {
			case "photo" -> {
				ArrayNode sizes = this.mapper.createArrayNode();
				ObjectNode thumbnail = sizes.addObject();
				thumbnail.put("file_id", fileId + "-thumbnail");
				thumbnail.put("file_unique_id", uniqueId(fileId + "-thumbnail"));
				thumbnail.put("width", 90);
				thumbnail.put("height", 68);
				thumbnail.put("file_size", Math.max(1, size / 20));
				media.put("width", 1280);
				media.put("height", 960);
				media.put("file_size", size);
				sizes.add(media);
				return sizes;
			}
			case "document" -> {
				media.put("file_name", input.path("file_name").asText("document"));
				media.put("mime_type", input.path("content_type").asText("application/octet-stream"));
			}
			case "video", "animation" -> {
				media.put("width", 1280);
				media.put("height", 720);
				media.put("duration", 1);
			}
			case "audio" -> media.put("duration", 1);
			case "voice" -> {
				media.put("duration", 1);
				media.put("mime_type", "audio/ogg");
			}
			case "sticker" -> {
				media.put("type", "regular");
				media.put("width", 512);
				media.put("height", 512);
				media.put("is_animated", false);
				media.put("is_video", false);
			}
			case "video_note" -> {
				media.put("length", 240);
				media.put("duration", 1);
			}
			default -> {
			}
		}
		media.put("file_size", size);
		return media;
	}

	/**
	 * An existing file id sent by the bot is echoed back; uploads, URLs and attachments
	 * get a new id.
	 */
	private String fileIdOf(JsonNode input) {
		if (input.isTextual()) {
			String value = input.asText();
			if (!value.isEmpty() && !value.startsWith("attach://") && !value.contains("://")) {
				return value;
			}
		}
		return "fake-file-" + nextFileNumber();
	}

	private long nextFileNumber() {
		return ++this.lastFileNumber;
	}

	private static String uniqueId(String fileId) {
		return "unique-" + Integer.toHexString(fileId.hashCode());
	}

	private ObjectNode location(JsonNode body) {
		ObjectNode location = this.mapper.createObjectNode();
		location.put("latitude", body.path("latitude").asDouble());
		location.put("longitude", body.path("longitude").asDouble());
		return location;
	}

	// Helpers

	private static void copyContent(ObjectNode source, ObjectNode target) {
		if (source == null) {
			return;
		}
		for (String field : CONTENT_FIELDS) {
			copyIfPresent(source, target, field);
		}
	}

	private static void copyIfPresent(JsonNode source, ObjectNode target, String field) {
		JsonNode value = source.get(field);
		if (value != null && !value.isNull()) {
			target.set(field, value.deepCopy());
		}
	}

	private ObjectNode messageId(ObjectNode message) {
		ObjectNode id = this.mapper.createObjectNode();
		id.put("message_id", message.path("message_id").asInt());
		return id;
	}

	private static List<Integer> intList(JsonNode array) {
		List<Integer> values = new ArrayList<>();
		for (JsonNode value : array) {
			values.add(value.asInt());
		}
		return values;
	}

	static String defaultChatType(long chatId) {
		if (chatId > 0) {
			return "private";
		}
		return (chatId <= SUPERGROUP_ID_LIMIT) ? "supergroup" : "group";
	}

	/** The time messages are dated with, as Telegram dates them on arrival. */
	private volatile Clock clock = Clock.systemUTC();

	void clock(Clock clock) {
		this.clock = clock;
	}

	long now() {
		return this.clock.instant().getEpochSecond();
	}

	/**
	 * One HTTP answer of the fake server.
	 */
	record Reply(int status, JsonNode json, String rawBody) {

		static Reply ok(JsonNode result) {
			ObjectNode json = JsonNodeFactory.instance.objectNode();
			json.put("ok", true);
			json.set("result", result);
			return new Reply(200, json, null);
		}

		static Reply error(int status, String description, Integer retryAfter) {
			ObjectNode json = JsonNodeFactory.instance.objectNode();
			json.put("ok", false);
			json.put("error_code", status);
			json.put("description", description);
			if (retryAfter != null) {
				json.putObject("parameters").put("retry_after", retryAfter);
			}
			return new Reply(status, json, null);
		}

		static Reply badRequest(String reason) {
			return error(400, "Bad Request: " + reason, null);
		}

		static Reply raw(int status, String body) {
			return new Reply(status, TextNode.valueOf(body), body);
		}

		boolean failed() {
			return this.status != 200;
		}

		byte[] bytes() {
			return ((this.rawBody != null) ? this.rawBody : this.json.toString()).getBytes(StandardCharsets.UTF_8);
		}

		String contentType() {
			return (this.rawBody != null) ? "text/html; charset=utf-8" : "application/json";
		}

	}

}
