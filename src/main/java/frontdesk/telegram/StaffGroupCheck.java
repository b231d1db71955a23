package frontdesk.telegram;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChat;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.chat.ChatFullInfo;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberAdministrator;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberOwner;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Checks at start-up that the staff group can be used: a supergroup with topics on, where the bot is an admin allowed
 * to manage topics. Says plainly in the log what is wrong; customers are served either way. A group that is ready gets
 * Frontdesk's commands as its menu.
 */
@Component
class StaffGroupCheck {

	private static final Logger log = LoggerFactory.getLogger(StaffGroupCheck.class);

	/** Frontdesk's commands for staff, as the group's menu lists them. */
	static final List<BotCommand> STAFF_COMMANDS = List.of(
			new BotCommand("take", "Take this customer's request (in their topic)"),
			new BotCommand("answer", "Send this customer a saved answer: /answer NAME, or /answer for the list"),
			new BotCommand("close", "Close this customer's request (in their topic)"),
			new BotCommand("queue", "The open requests, oldest first"),
			new BotCommand("stats", "The last 7 days' figures (/stats 30 for 30 days)"));

	private final TelegramSettings settings;

	private final BotApi api;

	StaffGroupCheck(TelegramSettings settings, BotApi api) {
		this.settings = settings;
		this.api = api;
	}

	@EventListener(ApplicationReadyEvent.class)
	void checkInBackground() {
		if (!settings.enabled()) {
			return;
		}
		TelegramConfiguration.daemonThreads("telegram-staff-check").newThread(this::report).start();
	}

	private void report() {
		if (settings.staffChatId() == null) {
			log.warn("No staff group is set: customers who ask for a person get a ticket and a promise, but no one on "
					+ "Telegram hears of it. Create a supergroup, turn on Topics, add the bot as an admin allowed to "
					+ "manage topics, and set frontdesk.telegram.staff-chat-id to the group's id.");
			return;
		}
		Findings findings = check();
		if (findings.problems().isEmpty()) {
			log.info("Staff group {} is ready", settings.staffChatId());
			offerCommands();
		}
		else {
			log.error("Staff group {} cannot be used: {}. Customers are still answered, but staff are not told of "
					+ "requests until this is fixed.", settings.staffChatId(), String.join("; ", findings.problems()));
		}
		if (findings.publicName() != null) {
			log.warn("Staff group {} is public (@{}): anyone can read the customers' conversations in it and press its "
					+ "buttons. Make it private in the group's settings.", settings.staffChatId(), findings.publicName());
		}
	}

	/**
	 * Gives the staff group its own menu of Frontdesk's commands, which Telegram shows as staff type a slash there;
	 * customers' chats keep the menu set with BotFather. One that fails is only logged: typed commands work anyway.
	 */
	void offerCommands() {
		try {
			api.execute(SetMyCommands.builder()
				.scope(BotCommandScopeChat.builder().chatId(settings.staffChatId()).build())
				.commands(STAFF_COMMANDS)
				.build());
		}
		catch (TelegramApiException ex) {
			log.warn("Could not set the staff group's menu of commands ({}); typed commands work anyway",
					ex.getMessage());
		}
	}

	/**
	 * What the check found.
	 * @param problems what keeps the staff group from being used; empty when it is ready
	 * @param publicName the group's public user name, or {@code null} for a private group
	 */
	record Findings(List<String> problems, String publicName) {
	}

	Findings check() {
		long chatId = settings.staffChatId();
		List<String> problems = new ArrayList<>();
		String publicName = null;
		try {
			ChatFullInfo chat = api.execute(GetChat.builder().chatId(chatId).build());
			publicName = chat.getUserName();
			if (!"supergroup".equals(chat.getType())) {
				problems.add("it is a " + chat.getType() + ", not a supergroup");
			}
			if (!Boolean.TRUE.equals(chat.getIsForum())) {
				problems.add("topics are off (turn on Topics in the group's settings)");
			}
			long botId = settings.botId() != null ? settings.botId() : api.execute(new GetMe()).getId();
			ChatMember member = api.execute(GetChatMember.builder().chatId(chatId).userId(botId).build());
			if (member instanceof ChatMemberAdministrator admin) {
				if (!Boolean.TRUE.equals(admin.getCanManageTopics())) {
					problems.add("the bot is an admin but may not manage topics");
				}
			}
			else if (!(member instanceof ChatMemberOwner)) {
				problems.add("the bot is not an admin of the group (it is " + member.getStatus() + ")");
			}
		}
		catch (TelegramApiException ex) {
			problems.add("Telegram says: " + ex.getMessage()
					+ " (is the id right, like -1001234567890, and is the bot in the group?)");
		}
		return new Findings(problems, publicName);
	}
}
