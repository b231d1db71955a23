package frontdesk.conversation;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import frontdesk.ScratchIntents;
import frontdesk.SettableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A business that writes its intents and texts in German hears no English from the bot: the schedule, the days of
 * the promise, "open" or "closed" and the name of a customer it does not know are in the words of its
 * {@code messages.yml}.
 */
@SpringBootTest
@Import(OtherLanguageTest.Clocks.class)
class OtherLanguageTest {

	static final SettableClock clock = new SettableClock();

	static final Path INTENTS = ScratchIntents.folder("german-intents", "laden.yml", """
				intents:
				  - id: oeffnungszeiten
				    examples: [wann habt ihr geöffnet, öffnungszeiten, habt ihr heute offen]
				    answer: "Hallo {name}! Wir haben gerade {open_now}. Unsere Zeiten: {hours}."
				  - id: mensch
				    examples: [ich möchte mit einem menschen sprechen]
				    action: handoff
				""", "messages.yml", """
				language: de
				name:
				  unknown: "du"
				schedule:
				  days: "{first} bis {last}"
				  and: "und"
				  closed-on: "{days} geschlossen"
				  open: "geöffnet"
				  closed: "geschlossen"
				  tomorrow: "morgen"
				handoff:
				  after-hours: "Wir haben geschlossen und öffnen wieder {next_opening_day} um {next_opening_time}. \\
				    Deine Anfrage ist {ticket}; wir antworten bis {promised_day} um {promised_time} Uhr ({zone})."
				""");

	@Autowired
	ConversationService service;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.intents.dir", INTENTS::toString);
		registry.add("frontdesk.matching.model", () -> "lexical");
		registry.add("frontdesk.telegram.token", () -> "");
		registry.add("frontdesk.data-dir", () -> "./target/test-data/german-" + UUID.randomUUID());
		registry.add("frontdesk.hours.zone", () -> "Europe/Berlin");
	}

	static class Clocks {

		@Bean
		@Primary
		SettableClock settableClock() {
			return clock;
		}
	}

	private String say(String customer, String name, String text) {
		return service.handle(Inbound.text(new CustomerProfile("web", customer, name, null), text, null))
			.replies()
			.get(0)
			.text();
	}

	@Test
	void describesTheScheduleAndTheMomentInTheBusinesssLanguage() {
		clock.freeze(LocalDateTime.parse("2026-11-28T15:00").atZone(ZoneId.of("Europe/Berlin")).toInstant());

		assertThat(say("visitor", null, "wann habt ihr geöffnet")).isEqualTo("Hallo du! Wir haben gerade geschlossen. "
				+ "Unsere Zeiten: Montag bis Freitag 09:00–17:30, Samstag 10:00–14:00; Sonntag geschlossen.");
		assertThat(say("visitor", null, "/human")).isEqualTo("Wir haben geschlossen und öffnen wieder Montag um "
				+ "09:00. Deine Anfrage ist #T-000001; wir antworten bis Montag um 11:00 Uhr (Europe/Berlin).");
	}

	@Test
	void saysTomorrowInTheBusinesssWordForIt() {
		clock.freeze(LocalDateTime.parse("2026-11-29T20:00").atZone(ZoneId.of("Europe/Berlin")).toInstant());

		assertThat(say("sunday", null, "/human")).startsWith("Wir haben geschlossen und öffnen wieder morgen um 09:00.")
			.endsWith("wir antworten bis morgen um 11:00 Uhr (Europe/Berlin).");
	}

	@Test
	void saysOpenInTheBusinesssLanguageAndTheCustomersNameAsItIs() {
		clock.freeze(LocalDateTime.parse("2026-11-30T10:00").atZone(ZoneId.of("Europe/Berlin")).toInstant());

		assertThat(say("jana", "Jana", "öffnungszeiten")).startsWith("Hallo Jana! Wir haben gerade geöffnet.");
	}
}
