package frontdesk.telegram;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChat;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.chat.ChatFullInfo;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberAdministrator;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberOwner;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Checks at start-up that the staff group can be used: a supergroup with topics on, where the bot is an admin allowed
 * to manage topics. Says plainly in the log what is wrong; customers are served either way.
 */
@Component
class StaffGroupCheck {

	private static final Logger log = LoggerFactory.getLogger(StaffGroupCheck.class);

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
