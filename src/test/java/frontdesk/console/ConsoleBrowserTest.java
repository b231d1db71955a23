package frontdesk.console;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import frontdesk.Browser;
import frontdesk.telegram.FakeTelegram;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A member of staff at the console in a real browser (headless Chromium), with a customer on a fake Telegram and a
 * staff group: signs in, takes the waiting request, replies (the customer gets it, and the customer's topic shows it),
 * closes it (the customer is asked for a rating), and looks at the reports, whose charts are drawn. Each page's
 * screenshot is saved under {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

	static final Duration WAIT = Duration.ofSeconds(15);

	static final long GROUP = -1004005006007L;

	static final long CUSTOMER = 7_100_200_300L;

	static final FakeTelegram telegram = FakeTelegram.start();

	static {
		telegram.setChat(GROUP, """
				{"id": %d, "type": "supergroup", "title": "Northwind support", "is_forum": true}""".formatted(GROUP));
	}

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		ConsoleUsersForTests.register(registry, "console-browser", "grace");
		registry.add("frontdesk.telegram.token", telegram::token);
		registry.add("frontdesk.telegram.api-url", telegram::url);
		registry.add("frontdesk.telegram.poll-timeout", () -> "1s");
		registry.add("frontdesk.telegram.staff-chat-id", () -> String.valueOf(GROUP));
		registry.add("frontdesk.telegram.outbox.per-chat-per-second", () -> "20");
		registry.add("frontdesk.telegram.outbox.per-chat-burst", () -> "20");
	}

	@AfterAll
	static void stopTelegram() {
		telegram.close();
	}

	@LocalServerPort
	int port;

	private Browser browser;

	private ChromeDriver driver;

	private WebDriverWait wait;

	@BeforeEach
	void openBrowser() {
		browser = new Browser();
		driver = browser.driver();
		wait = browser.waiting(WAIT);
	}

	@AfterEach
	void closeBrowser() {
		browser.close();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private void signIn() {
		driver.get(url("/console"));
		wait.until(ExpectedConditions.urlContains("/console/login"));
		browser.screenshot("console-login");
		driver.findElement(By.id("username")).sendKeys("grace");
		driver.findElement(By.id("password")).sendKeys(ConsoleUsersForTests.PASSWORD);
		driver.findElement(By.cssSelector("form.login button")).click();
		wait.until(ExpectedConditions.titleContains("Queue"));
	}

	/**
	 * Presses a form's button and reads the notice on the page it leads to. The old page stays until the new one
	 * comes, and may have a notice of its own: the new one is read only once the old page is gone.
	 */
	private String submit(WebElement button) {
		WebElement page = driver.findElement(By.tagName("html"));
		button.click();
		wait.until(Browser.gone(page));
		return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice"))).getText();
	}

	@Test
	@Order(1)
	void staffTakeReplyToAndCloseARequestFromTheConsole() {
		telegram.sendText(CUSTOMER, CUSTOMER, "Ada", "/human");
		long ticketId = ticketId(telegram.awaitMessage(CUSTOMER, text -> text.contains("#T-"), WAIT).text());
		telegram.sendText(CUSTOMER, CUSTOMER, "Ada", "<script>alert(1)</script> my parcel never came");
		String number = "#T-%06d".formatted(ticketId);
		FakeTelegram.Call card = telegram.awaitCall("sendMessage",
				body -> body.path("chat_id").asLong() == GROUP && body.path("text").asText().startsWith(number), WAIT);
		int topic = card.body().path("message_thread_id").asInt();
		telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("text").asText().contains("my parcel never came"), WAIT);

		signIn();
		// another site's form is not sent with the console's session
		assertThat(driver.manage().getCookieNamed("JSESSIONID").getSameSite()).isEqualTo("Lax");
		WebElement ticket = driver.findElement(By.id("ticket-" + ticketId));
		assertThat(ticket.getText()).contains(number, "Ada", "Telegram", "<script>alert(1)</script> my parcel never came")
			.containsPattern("left|overdue by")
			.containsPattern("in hours|after hours");
		assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
		browser.screenshot("console-queue");

		assertThat(submit(ticket.findElement(By.cssSelector("button.take")))).startsWith("It's yours.");
		assertThat(driver.findElement(By.id("ticket-" + ticketId)).getText()).contains("Grace (you)");
		telegram.awaitCall("editMessageText", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("text").asText().startsWith(number) && body.path("text").asText().contains("Taken by Grace"),
				WAIT);

		driver.findElement(By.id("reply-" + ticketId)).sendKeys("Hi Ada, I've found your parcel.");
		assertThat(submit(driver.findElement(By.cssSelector("#ticket-" + ticketId + " button.send"))))
			.isEqualTo("Sent.");
		telegram.awaitMessage(CUSTOMER, text -> text.equals("Grace: Hi Ada, I've found your parcel."), WAIT);
		telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("message_thread_id").asInt() == topic
				&& body.path("text").asText().equals("Grace (console): Hi Ada, I've found your parcel."), WAIT);

		driver.findElement(By.cssSelector("#ticket-" + ticketId + " a.number")).click();
		wait.until(ExpectedConditions.titleContains("Conversation"));
		String transcript = driver.findElement(By.cssSelector(".transcript")).getText();
		assertThat(transcript).contains("<script>alert(1)</script> my parcel never came", "/human",
				"Hi Ada, I've found your parcel.").containsPattern("Grace [^\\n]*\\nHi Ada, I've found your parcel.");
		assertThat(driver.findElement(By.cssSelector(".timeline")).getText()).contains("Asked for a person",
				"Taken by Grace", "First answer from a person");
		browser.screenshot("console-conversation");

		assertThat(submit(driver.findElement(By.cssSelector("button.close")))).isEqualTo("Closed.");
		FakeTelegram.Call goodbye = telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == CUSTOMER
				&& body.path("text").asText().contains("How would you rate"), WAIT);
		List<String> scale = goodbye.body().path("reply_markup").findValuesAsText("callback_data");
		assertThat(scale).hasSize(5);
		telegram.sendCallback(CUSTOMER, CUSTOMER, scale.get(3), goodbye.result().path("message_id").asInt());
		telegram.awaitMessage(CUSTOMER, text -> text.contains("Anything we could do better?"), WAIT);
		telegram.sendText(CUSTOMER, CUSTOMER, "Ada", "Quick and kind, thank you");

		wait.until(page -> {
			page.navigate().refresh();
			return page.findElement(By.cssSelector(".rating")).getText().contains("Quick and kind, thank you");
		});
		assertThat(driver.findElement(By.cssSelector(".rating")).getText()).contains("4 / 5", "handled by Grace");
		assertThat(driver.findElement(By.cssSelector(".timeline")).getText()).contains("Closed by Grace");
		browser.screenshot("console-conversation-closed");

		driver.findElement(By.linkText("Queue")).click();
		wait.until(ExpectedConditions.titleContains("Queue"));
		assertThat(driver.findElements(By.id("ticket-" + ticketId))).isEmpty();
		assertThat(driver.findElement(By.cssSelector("table.list")).getText()).contains(number, "closed by Grace");
	}

	/** Runs after the request above, so the charts have a rating and a kept promise to show. */
	@Test
	@Order(2)
	void theReportsPageDrawsItsCharts() {
		telegram.sendText(CUSTOMER + 1, CUSTOMER + 1, "Bo", "zqxv frobnicate the wibble");
		telegram.awaitMessage(CUSTOMER + 1, text -> true, WAIT);

		signIn();
		driver.findElement(By.linkText("Reports")).click();
		wait.until(ExpectedConditions.titleContains("Reports"));
		wait.until(driver -> "true".equals(driver.findElement(By.id("charts")).getDomAttribute("data-drawn")));

		Object drawn = driver.executeScript("""
				return ['ratings-per-day', 'rating-distribution', 'promises-per-week'].map(function (id) {
					const chart = Chart.getChart(id);
					const canvas = document.getElementById(id);
					const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
					let painted = 0;
					for (let i = 3; i < pixels.length; i += 4) {
						if (pixels[i] !== 0) {
							painted++;
						}
					}
					return chart !== undefined && canvas.width > 0 && canvas.height > 0 && painted > 0;
				});""");
		assertThat(drawn).isEqualTo(List.of(true, true, true));
		assertThat(driver.findElement(By.id("unanswered")).getText()).contains("zqxv frobnicate the wibble");
		driver.manage().window().setSize(new Dimension(1280, 1700));
		browser.screenshot("console-reports");
	}

	@Test
	@Order(3)
	void theConversationPageShowsWhatTheCustomerAddsUnlessAReplyIsBeingWritten() throws InterruptedException {
		long customer = CUSTOMER + 2;
		telegram.sendText(customer, customer, "Cy", "/human");
		long ticketId = ticketId(telegram.awaitMessage(customer, text -> text.contains("#T-"), WAIT).text());
		// the page's 30-second timer, kept so that the test can let it go off at once
		driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", """
				window.refreshTimers = [];
				(function (setInterval) {
					window.setInterval = function (tick, every) {
						window.refreshTimers.push(tick);
						return setInterval(tick, every);
					};
				})(window.setInterval);"""));
		signIn();
		driver.findElement(By.cssSelector("#ticket-" + ticketId + " a.number")).click();
		wait.until(ExpectedConditions.titleContains("Conversation"));
		telegram.sendText(customer, customer, "Cy", "my order number is 4411");
		telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("text").asText().contains("my order number is 4411"), WAIT);

		assertThat(driver.executeScript("return window.refreshTimers.length")).isEqualTo(1L);
		WebElement reply = driver.findElement(By.cssSelector("form.reply textarea"));
		reply.sendKeys("Hi Cy, one moment");
		driver.executeScript("window.stillHere = true; window.refreshTimers.forEach(function (tick) { tick(); });");
		Thread.sleep(1000);
		assertThat(driver.executeScript("return window.stillHere === true")).as("a reply being written is kept")
			.isEqualTo(true);
		assertThat(reply.getDomProperty("value")).isEqualTo("Hi Cy, one moment");

		reply.clear();
		driver.executeScript("document.activeElement.blur(); window.refreshTimers.forEach(function (tick) { tick(); });");
		wait.until(Browser.gone(reply));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".transcript"),
				"my order number is 4411"));
	}

	/** Runs after the request above, so a conversation with the customer's, the bot's and a staff member's lines. */
	@Test
	@Order(4)
	void aStaffMemberWhoPrefersDarkColoursGetsThemWithEveryTextReadable() {
		signIn();
		Map<String, String> links = Map.of("link", "table.list a");
		Map<String, Double> light = new java.util.HashMap<>(browser.contrasts(links));
		driver.findElement(By.cssSelector("table.list a")).click();
		wait.until(ExpectedConditions.titleContains("Conversation"));
		Map<String, String> texts = Map.ofEntries(Map.entry("menu", ".bar a"), Map.entry("heading", "main h1"),
				Map.entry("customer", ".line.customer .text"), Map.entry("bot", ".line.bot .text"),
				Map.entry("staff", ".line.staff .text"), Map.entry("who", ".line .who"), Map.entry("when", ".timeline .at"),
				Map.entry("meta", ".meta"), Map.entry("zone", ".zone"));
		light.putAll(browser.contrasts(texts));

		browser.prefersColourScheme("dark");
		Map<String, Double> dark = new java.util.HashMap<>(browser.contrasts(texts));
		browser.screenshot("console-conversation-dark");
		assertThat(browser.luminanceBehind("body")).isLessThan(0.05);
		assertThat(browser.luminanceBehind(".line.customer")).isLessThan(0.05);
		driver.navigate().back();
		wait.until(ExpectedConditions.titleContains("Queue"));
		dark.putAll(browser.contrasts(links));

		for (Map<String, Double> scheme : List.of(light, dark)) {
			assertThat(scheme).hasSize(texts.size() + links.size())
				.allSatisfy((text, contrast) -> assertThat(contrast).as(text).isGreaterThanOrEqualTo(4.5));
		}
		driver.findElement(By.linkText("Reports")).click();
		wait.until(driver -> "true".equals(driver.findElement(By.id("charts")).getDomAttribute("data-drawn")));
		// the charts' labels and grid in the page's dark colours
		assertThat(driver.executeScript("return Chart.defaults.color")).isEqualTo("#9aa5b1");
		browser.screenshot("console-reports-dark");
	}

	@Test
	@Order(5)
	void aSavedAnswerFilledInForTheCustomerGoesIntoTheReplyWhereTheStaffMemberCanChangeIt() {
		long customer = CUSTOMER + 3;
		telegram.sendText(customer, customer, "Dot", "/human");
		long ticketId = ticketId(telegram.awaitMessage(customer, text -> text.contains("#T-"), WAIT).text());
		signIn();
		driver.findElement(By.cssSelector("#ticket-" + ticketId + " a.number")).click();
		wait.until(ExpectedConditions.titleContains("Conversation"));

		Select saved = new Select(driver.findElement(By.id("saved-answer")));
		WebElement insert = driver.findElement(By.id("insert-answer"));
		WebElement reply = driver.findElement(By.id("reply"));
		assertThat(saved.getOptions()).extracting(WebElement::getText)
			.contains("Hello", "Returning an item")
			.doesNotContain("Talk to a person");
		long before = (Long) driver.executeScript("return document.getElementById('reply').offsetHeight");
		// a reply kept from a failed send, the caret never in it: the answer goes after it
		driver.executeScript("document.getElementById('reply').value = 'Thanks for waiting, Dot.';");
		saved.selectByVisibleText("Returning an item");
		insert.click();
		// the caret put at the start: the answer goes before what is there
		driver.executeScript("const reply = document.getElementById('reply'); reply.focus(); "
				+ "reply.setSelectionRange(0, 0);");
		saved.selectByVisibleText("Hello");
		insert.click();
		browser.screenshot("console-saved-answer");

		String greeting = "Hi Dot! I'm the Northwind Goods assistant. I can help with orders, delivery, returns, "
				+ "payments and your account. What can I do for you?";
		assertThat(reply.getDomProperty("value"))
			.startsWith(greeting + "\n\nThanks for waiting, Dot.\n\nYou can return most items within 30 days")
			.endsWith("so you get the new one sooner.");
		assertThat((Long) driver.executeScript("return document.getElementById('reply').offsetHeight"))
			.as("the box grows to show what was put in").isGreaterThan(2 * before);
		assertThat(telegram.sentTexts(customer)).noneMatch(text -> text.contains("You can return"));
		assertThat(submit(driver.findElement(By.cssSelector("button.send")))).isEqualTo("Sent.");
		telegram.awaitMessage(customer, text -> text.startsWith("Grace: " + greeting + "\n\nThanks for waiting, Dot.")
				&& text.endsWith("so you get the new one sooner."), WAIT);
	}

	private static long ticketId(String text) {
		Matcher matcher = Pattern.compile("#T-(\\d+)").matcher(text);
		assertThat(matcher.find()).isTrue();
		return Long.parseLong(matcher.group(1));
	}
}
