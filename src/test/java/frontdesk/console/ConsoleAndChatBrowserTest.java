package frontdesk.console;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import frontdesk.Browser;
import frontdesk.SettableClock;
import frontdesk.rating.Ratings;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A visitor on the chat page and a staff member in the console, each in a real browser: the visitor asks for a person
 * after hours, Grace takes the request in the console and replies, the reply appears on the visitor's page without a
 * reload, and her Close brings the rating question, whose tap is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ConsoleAndChatBrowserTest.Clocks.class)
class ConsoleAndChatBrowserTest {

	static final Duration WAIT = Duration.ofSeconds(15);

	static final SettableClock clock = new SettableClock();

	@LocalServerPort
	int port;

	@Autowired
	Ratings ratings;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		ConsoleUsersForTests.register(registry, "console-chat", "grace");
	}

	@Test
	void theConsolesReplyAppearsOnTheVisitorsPageAndTheRatingIsStored() {
		// a Sunday: the business is closed
		clock.set(LocalDateTime.parse("2026-11-22T10:00").atZone(ZoneId.of("Europe/London")).toInstant());
		try (Browser visitor = new Browser(); Browser staff = new Browser()) {
			ChromeDriver page = visitor.driver();
			page.get(url("/"));
			line(visitor, "bot", "Hi there!");
			page.findElement(By.id("text")).sendKeys("can I speak to a person please");
			page.findElement(By.id("send")).click();
			String promise = line(visitor, "bot", "We're closed now").getText();
			String number = promise.replaceAll("(?s).*(#T-\\d{6}).*", "$1");

			ChromeDriver console = staff.driver();
			console.get(url("/console"));
			staff.waiting(WAIT).until(ExpectedConditions.urlContains("/console/login"));
			console.findElement(By.id("username")).sendKeys("grace");
			console.findElement(By.id("password")).sendKeys(ConsoleUsersForTests.PASSWORD);
			console.findElement(By.cssSelector("form.login button")).click();
			staff.waiting(WAIT).until(ExpectedConditions.titleContains("Queue"));
			WebElement row = console.findElements(By.cssSelector("[id^='ticket-']")).stream()
				.filter(ticket -> ticket.getText().contains(number))
				.findFirst()
				.orElseThrow();
			String ticket = row.getDomAttribute("id");
			row.findElement(By.cssSelector("button.take")).click();
			staff.waiting(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id(ticket), "Grace (you)"));
			console.findElement(By.id(ticket.replace("ticket-", "reply-")))
				.sendKeys("Hello from the shop! I'm Grace, how can I help?");
			console.findElement(By.cssSelector("#" + ticket + " button.send")).click();
			staff.screenshot("console-replied-to-web-visitor");

			line(visitor, "staff", "Grace: Hello from the shop! I'm Grace, how can I help?");
			visitor.screenshot("chat-reply-from-console");
			assertThat(page.getCurrentUrl()).as("no reload").isEqualTo(url("/"));

			staff.waiting(WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#" + ticket + " button.close")))
				.click();
			line(visitor, "bot", "How would you rate this conversation?");
			WebElement five = visitor.waiting(WAIT).until(ExpectedConditions
				.elementToBeClickable(By.cssSelector(".line.bot .buttons.row button:last-child")));
			long conversation = Long.parseLong(five.getDomAttribute("data-data").split(":")[1]);
			five.click();
			line(visitor, "bot", "You rated it 5 out of 5");
			await().atMost(WAIT).until(() -> ratings.find(conversation).map(rating -> rating.score()).orElse(0) == 5);
			assertThat(ratings.find(conversation).orElseThrow().handledBy()).isEqualTo("Grace");
		}
	}

	/** Waits for a line of the chat from the given author that contains the text. */
	private static WebElement line(Browser browser, String author, String text) {
		return browser.waiting(WAIT).until(driver -> driver.findElements(By.cssSelector(".line." + author + " .bubble"))
			.stream()
			.filter(bubble -> bubble.getText().contains(text))
			.findFirst()
			.orElse(null));
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	static class Clocks {

		@Bean
		@Primary
		SettableClock settableClock() {
			return clock;
		}
	}
}
