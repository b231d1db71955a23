package frontdesk.conversation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import frontdesk.ScratchIntents;
import frontdesk.intent.IntentCatalog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An intent file changed while the bot runs is answered from at once, with the real matcher retrained on it.
 */
@SpringBootTest
class IntentReloadTest {

	static final Path INTENTS = ScratchIntents.folder("reload-intents", "shop.yml", """
				intents:
				  - id: opening_hours
				    examples: [when are you open, what are your opening hours, are you open on sunday]
				    answer: "We're open {hours}."
				""");

	@Autowired
	ConversationService conversations;

	@Autowired
	IntentCatalog catalog;

	@DynamicPropertySource
	static void intents(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.intents.dir", INTENTS::toString);
		registry.add("frontdesk.intents.reload-interval", () -> "1h");
		registry.add("frontdesk.data-dir", () -> "./target/test-data/reload-" + System.nanoTime());
	}

	@Test
	void answersANewIntentAfterItsFileIsSaved() throws IOException {
		CustomerProfile customer = new CustomerProfile("test", "reload", "Ada", null);
		String before = conversations.handle(Inbound.text(customer, "do you sell gift vouchers", null)).replies().get(0).text();

		Path file = Files.writeString(INTENTS.resolve("gifts.yml"), """
				intents:
				  - id: gift_cards
				    examples: [do you sell gift cards, can I buy a gift voucher, gift vouchers for a friend]
				    answer: "Yes: gift cards from £10 to £200, sent by email."
				""");
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
		catalog.reloadIfChanged();

		assertThat(before).doesNotContain("gift cards from");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
				conversations.handle(Inbound.text(customer, "do you sell gift vouchers", null)).replies().get(0).text())
			.isEqualTo("Yes: gift cards from £10 to £200, sent by email."));
	}
}
