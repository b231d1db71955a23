package frontdesk.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

import frontdesk.Browser;
import frontdesk.staff.StaffDesk;
import frontdesk.ticket.StaffMember;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat as a widget on another site: one script tag adds a button that opens the chat in a frame. The visitor's
 * cookie must cross sites, so it is {@code SameSite=None; Secure} (Chromium treats localhost as secure).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"frontdesk.web.cookie-same-site=None", "frontdesk.web.cookie-secure=true" })
class WidgetBrowserTest {

	static final Duration WAIT = Duration.ofSeconds(15);

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.data-dir", () -> "./target/test-data/widget-" + UUID.randomUUID());
	}

	/** A shop's page on another site, with the widget's script tag added. */
	private void shopPage(Browser browser) {
		shopPage(browser, "127.0.0.1");
	}

	/** A shop's page on the given host, with the widget's script tag added. */
	private void shopPage(Browser browser, String host) {
		browser.driver().get("http://" + host + ":" + port + "/no-such-page");
		browser.driver().executeScript("""
				document.title = 'Northwind Goods';
				document.body.innerHTML = '<h1>Northwind Goods</h1>';
				const script = document.createElement('script');
				script.src = arguments[0];
				script.async = true;
				document.body.append(script);""", "http://localhost:" + port + "/widget.js");
	}

	@Test
	void oneScriptTagOnAnotherSiteOpensAWorkingChat() {
		try (Browser browser = new Browser()) {
			// a page of another site (127.0.0.1 is another site than localhost) with the snippet from the README
			shopPage(browser);
			WebElement open = browser.waiting(WAIT)
				.until(driver -> driver.findElements(By.cssSelector("button[aria-label='Chat with us']")).stream()
					.findFirst()
					.orElse(null));
			open.click();
			WebElement frame = browser.driver().findElement(By.cssSelector("iframe[title='Chat with us']"));
			assertThat(frame.isDisplayed()).isTrue();
			assertThat(open.getDomAttribute("aria-label")).isEqualTo("Close the chat");

			browser.driver().switchTo().frame(frame);
			browser.waiting(WAIT).until(driver -> driver.findElements(By.cssSelector(".line.bot")).size() > 0);
			for (String question : List.of("how do I return an item?", "what payment methods do you take?",
					"how long does delivery take?", "how much does delivery cost?")) {
				int answers = browser.driver().findElements(By.cssSelector(".line.bot")).size();
				browser.driver().findElement(By.id("text")).sendKeys(question);
				browser.driver().findElement(By.id("send")).click();
				browser.waiting(WAIT).until(driver -> driver.findElements(By.cssSelector(".line.bot")).size() > answers);
			}
			browser.waiting(WAIT).until(driver -> driver.findElements(By.cssSelector(".line.bot .bubble")).stream()
				.anyMatch(line -> line.getText().contains("£3.95")));
			browser.driver().switchTo().defaultContent();
			browser.screenshot("widget");

			// the same visitor: the chat is still there when the frame opens again
			shopPage(browser);
			browser.waiting(WAIT)
				.until(driver -> driver.findElements(By.cssSelector("button[aria-label='Chat with us']")).size() == 1)
				.toString();
			browser.driver().findElement(By.cssSelector("button[aria-label='Chat with us']")).click();
			browser.driver().switchTo().frame(browser.driver().findElement(By.cssSelector("iframe[title='Chat with us']")));
			browser.waiting(WAIT).until(driver -> driver.findElements(By.cssSelector(".line.visitor .bubble")).stream()
				.anyMatch(line -> line.getText().equals("how much does delivery cost?")));
			// it opens at the newest lines, ready for typing
			browser.waiting(WAIT).until(driver -> (Boolean) browser.driver().executeScript("""
					const list = document.getElementById('lines');
					return list.scrollHeight > list.clientHeight
						&& list.scrollTop + list.clientHeight >= list.scrollHeight - 2
						&& document.activeElement.id === 'text';"""));
		}
	}

	@Test
	void aStaffReplyThatComesWhileTheChatIsClosedShowsOnItsButton(@Autowired StaffDesk staff,
			@Autowired ApplicationEventPublisher events, @Autowired TransactionTemplate transactions) {
		try (Browser browser = new Browser()) {
			shopPage(browser);
			WebElement button = widgetButton(browser);
			long ticket = askForPerson(browser, button);
			button.click();

			// as the console sends a reply
			transactions.executeWithoutResult(status -> events.publishEvent(staff.staffAnswered(ticket,
					new StaffMember("console:grace", "Grace"), "Hi, Grace here. Let me look.", "console").orElseThrow()));

			browser.waiting(WAIT).until(driver -> "Chat with us: new message".equals(button.getDomAttribute("aria-label")));
			browser.screenshot("widget-unread");
			button.click();
			assertThat(button.getDomAttribute("aria-label")).isEqualTo("Close the chat");
			browser.driver().switchTo().frame(browser.driver().findElement(By.cssSelector("iframe[title='Chat with us']")));
			browser.waiting(WAIT).until(driver -> driver.findElements(By.cssSelector(".line.staff .bubble")).stream()
				.anyMatch(line -> line.getText().equals("Grace: Hi, Grace here. Let me look.")));
		}
	}

	@Test
	void aStaffReplyIsAnnouncedOnTheSitesOtherPagesOnceTheVisitorHasOpenedTheChat(@Autowired StaffDesk staff,
			@Autowired ApplicationEventPublisher events, @Autowired TransactionTemplate transactions,
			@Autowired JdbcTemplate jdbc) {
		try (Browser browser = new Browser()) {
			shopPage(browser);
			long ticket = askForPerson(browser, widgetButton(browser));
			int conversations = jdbc.queryForObject("select count(*) from conversation", Integer.class);

			// the visitor goes on to another page, where the chat is closed; a reply comes while they read it
			shopPage(browser);
			WebElement button = widgetButton(browser);
			browser.waiting(WAIT).until(driver -> driver.findElement(By.cssSelector("iframe[title='Chat with us']"))
				.getDomAttribute("src") != null);
			transactions.executeWithoutResult(status -> events.publishEvent(staff.staffAnswered(ticket,
					new StaffMember("console:grace", "Grace"), "Hi, Grace here.", "console").orElseThrow()));
			browser.waiting(WAIT).until(driver -> "Chat with us: new message".equals(button.getDomAttribute("aria-label")));

			// and one page further on, still not read, it is still announced
			shopPage(browser);
			WebElement next = widgetButton(browser);
			browser.waiting(WAIT).until(driver -> "Chat with us: new message".equals(next.getDomAttribute("aria-label")));

			// read in another tab: the dot goes here too
			String first = browser.driver().getWindowHandle();
			browser.driver().switchTo().newWindow(WindowType.TAB);
			shopPage(browser);
			widgetButton(browser).click();
			browser.driver().switchTo().frame(browser.driver().findElement(By.cssSelector("iframe[title='Chat with us']")));
			browser.waiting(WAIT).until(driver -> driver.findElements(By.cssSelector(".line.staff .bubble")).stream()
				.anyMatch(line -> line.getText().equals("Grace: Hi, Grace here.")));
			browser.driver().switchTo().window(first);
			browser.waiting(WAIT).until(driver -> "Chat with us".equals(next.getDomAttribute("aria-label")));

			// read now: the next page, once its closed chat has caught up, has no dot, and loading the chat closed
			// opened no conversation
			shopPage(browser);
			WebElement last = widgetButton(browser);
			browser.waiting(WAIT).until(driver -> driver.findElement(By.cssSelector("iframe[title='Chat with us']"))
				.getDomAttribute("src") != null);
			browser.driver().switchTo().frame(browser.driver().findElement(By.cssSelector("iframe[title='Chat with us']")));
			browser.waiting(WAIT).until(driver -> driver.findElements(By.cssSelector(".line.staff .bubble")).stream()
				.anyMatch(line -> line.getDomProperty("textContent").equals("Grace: Hi, Grace here.")));
			browser.driver().switchTo().defaultContent();
			assertThat(last.getDomAttribute("aria-label")).isEqualTo("Chat with us");
			assertThat(jdbc.queryForObject("select count(*) from conversation", Integer.class)).isEqualTo(conversations);
		}
	}

	@Test
	void aChatThatCouldNotBeReachedIsLoadedAgainOnceItCanBe() throws InterruptedException {
		try (Browser browser = new Browser()) {
			// the shop on the chat's own site, whose requests the browser's tools can block
			shopPage(browser, "localhost");
			WebElement button = widgetButton(browser);
			// the chat cannot be reached (a network blip, the server restarting) when the visitor opens it
			browser.driver().executeCdpCommand("Network.enable", Map.of());
			browser.driver().executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", true, "latency", 0,
					"downloadThroughput", -1, "uploadThroughput", -1));
			button.click();
			Thread.sleep(2000);
			WebElement frame = browser.driver().findElement(By.cssSelector("iframe[title='Chat with us']"));
			browser.driver().switchTo().frame(frame);
			assertThat((String) browser.driver().executeScript("return location.href")).as("the browser's error page")
				.startsWith("chrome-error:");
			browser.driver().switchTo().defaultContent();

			browser.driver().executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
					"downloadThroughput", -1, "uploadThroughput", -1));

			browser.driver().switchTo().frame(frame);
			browser.waiting(WAIT).until(driver -> driver.findElements(By.cssSelector(".line.bot")).size() > 0);
		}
	}

	@Test
	void whatTheVisitorBeganToWriteIsStillInTheBoxOnTheSitesNextPageUntilSent() {
		try (Browser browser = new Browser()) {
			shopPage(browser);
			widgetButton(browser).click();
			browser.driver().switchTo().frame(browser.driver().findElement(By.cssSelector("iframe[title='Chat with us']")));
			browser.waiting(WAIT).until(driver -> driver.findElements(By.cssSelector(".line.bot")).size() > 0);
			browser.driver().findElement(By.id("text")).sendKeys("Do you gift-wrap");
			browser.driver().switchTo().defaultContent();

			shopPage(browser);
			widgetButton(browser).click();
			browser.driver().switchTo().frame(browser.driver().findElement(By.cssSelector("iframe[title='Chat with us']")));
			WebElement box = browser.waiting(WAIT).until(driver -> driver.findElement(By.id("text")));
			browser.waiting(WAIT).until(driver -> "Do you gift-wrap".equals(box.getDomProperty("value")));
			box.sendKeys(" orders?");
			browser.driver().findElement(By.id("send")).click();
			browser.waiting(WAIT).until(driver -> driver.findElements(By.cssSelector(".line.visitor .bubble")).stream()
				.anyMatch(line -> line.getText().equals("Do you gift-wrap orders?")));
			browser.driver().switchTo().defaultContent();

			shopPage(browser);
			widgetButton(browser).click();
			browser.driver().switchTo().frame(browser.driver().findElement(By.cssSelector("iframe[title='Chat with us']")));
			browser.waiting(WAIT).until(driver -> driver.findElements(By.cssSelector(".line.visitor .bubble")).stream()
				.anyMatch(line -> line.getText().equals("Do you gift-wrap orders?")));
			assertThat(browser.driver().findElement(By.id("text")).getDomProperty("value")).isEmpty();
		}
	}

	@Test
	void escapeClosesTheChatAndGivesTheKeyboardBackToItsButton() {
		try (Browser browser = new Browser()) {
			shopPage(browser);
			WebElement button = widgetButton(browser);
			assertThat(button.getDomAttribute("aria-expanded")).isEqualTo("false");
			button.click();
			assertThat(button.getDomAttribute("aria-expanded")).isEqualTo("true");
			WebElement frame = browser.driver().findElement(By.cssSelector("iframe[title='Chat with us']"));
			browser.driver().switchTo().frame(frame);
			browser.waiting(WAIT).until(driver -> driver.findElements(By.cssSelector(".line.bot")).size() > 0);

			browser.driver().findElement(By.id("text")).sendKeys(Keys.ESCAPE);

			browser.driver().switchTo().defaultContent();
			browser.waiting(WAIT).until(driver -> !frame.isDisplayed());
			assertThat(button.getDomAttribute("aria-expanded")).isEqualTo("false");
			assertThat(button.getDomAttribute("aria-label")).isEqualTo("Chat with us");
			assertThat(browser.driver().switchTo().activeElement()).isEqualTo(button);
		}
	}

	@Test
	void onAPhoneTheOpenChatTakesTheWholeScreenWithItsCloseButtonOnTop() {
		try (Browser browser = new Browser()) {
			browser.driver().manage().window().setSize(new Dimension(375, 667));
			shopPage(browser);
			WebElement button = widgetButton(browser);
			button.click();
			WebElement frame = browser.driver().findElement(By.cssSelector("iframe[title='Chat with us']"));
			@SuppressWarnings("unchecked")
			Map<String, Number> box = (Map<String, Number>) browser.driver().executeScript("""
					const frame = arguments[0].getBoundingClientRect();
					const button = arguments[1].getBoundingClientRect();
					return { left: frame.left, top: frame.top, width: frame.width, height: frame.height,
						viewWidth: innerWidth, viewHeight: innerHeight, buttonTop: button.top, buttonRight: button.right };""",
					frame, button);
			assertThat(box.get("left").intValue()).isZero();
			assertThat(box.get("top").intValue()).isZero();
			assertThat(box.get("width").intValue()).isEqualTo(box.get("viewWidth").intValue());
			assertThat(box.get("height").intValue()).isEqualTo(box.get("viewHeight").intValue());
			assertThat(box.get("buttonTop").intValue()).isLessThan(20);
			browser.screenshot("widget-phone");

			button.click();
			assertThat(frame.isDisplayed()).isFalse();
		}
	}

	@Test
	void forAVisitorWhoPrefersDarkColoursTheChatIsDarkAndSoIsItsFrameUntilItHasLoaded() {
		try (Browser browser = new Browser()) {
			shopPage(browser);
			WebElement button = widgetButton(browser);
			browser.prefersColourScheme("dark");
			button.click();

			WebElement frame = browser.driver().findElement(By.cssSelector("iframe[title='Chat with us']"));
			assertThat(frame.getCssValue("background-color")).matches(WidgetBrowserTest::isDark);
			browser.driver().switchTo().frame(frame);
			browser.waiting(WAIT).until(driver -> driver.findElements(By.cssSelector(".line.bot")).size() > 0);
			assertThat(browser.driver().findElement(By.tagName("body")).getCssValue("background-color"))
				.matches(WidgetBrowserTest::isDark);
			browser.driver().switchTo().defaultContent();
			browser.screenshot("widget-dark");
		}
	}

	/** Whether a CSS colour ("rgba(18, 18, 18, 1)") is dark: each of red, green and blue under a quarter. */
	private static boolean isDark(String colour) {
		return Pattern.compile("\\d+").matcher(colour).results().limit(3).allMatch(c -> Integer.parseInt(c.group()) < 64);
	}

	private WebElement widgetButton(Browser browser) {
		return browser.waiting(WAIT)
			.until(driver -> driver.findElements(By.cssSelector("button[aria-label^='Chat with us']")).stream()
				.findFirst()
				.orElse(null));
	}

	/** Opens the widget, asks for a person in it and leaves the chat open; returns the request's ticket. */
	private long askForPerson(Browser browser, WebElement button) {
		button.click();
		browser.driver().switchTo().frame(browser.driver().findElement(By.cssSelector("iframe[title='Chat with us']")));
		browser.waiting(WAIT).until(driver -> driver.findElements(By.cssSelector(".line.bot")).size() > 0);
		browser.driver().findElement(By.id("text")).sendKeys("/human");
		browser.driver().findElement(By.id("send")).click();
		String promise = browser.waiting(WAIT).until(driver -> driver.findElements(By.cssSelector(".line.bot .bubble"))
			.stream()
			.map(WebElement::getText)
			.filter(text -> text.contains("#T-"))
			.findFirst()
			.orElse(null));
		browser.driver().switchTo().defaultContent();
		return Long.parseLong(promise.replaceAll("(?s).*#T-(\\d{6}).*", "$1"));
	}

	@Test
	void aPageViewAloneStartsNoConversation(@Autowired JdbcTemplate jdbc) throws InterruptedException {
		try (Browser browser = new Browser()) {
			int before = jdbc.queryForObject("select count(*) from conversation", Integer.class);
			shopPage(browser);
			WebElement open = browser.waiting(WAIT)
				.until(driver -> driver.findElements(By.cssSelector("button[aria-label='Chat with us']")).stream()
					.findFirst()
					.orElse(null));
			Thread.sleep(2000);
			assertThat(jdbc.queryForObject("select count(*) from conversation", Integer.class)).isEqualTo(before);

			open.click();

			browser.waiting(WAIT)
				.until(driver -> jdbc.queryForObject("select count(*) from conversation", Integer.class) == before + 1);
		}
	}

	@Test
	void scriptTagInThePagesHeadAddsTheButtonOnceThereIsABody() {
		try (Browser browser = new Browser()) {
			// many sites put scripts in the head, without async: the script then runs before the body exists
			browser.driver().get("http://127.0.0.1:" + port + "/no-such-page");
			browser.driver().executeScript("""
					document.open();
					document.write('<!doctype html><html><head><title>Northwind Goods</title><script src="' + arguments[0]
						+ '"></' + 'script></head><body><h1>Northwind Goods</h1></body></html>');
					document.close();""", "http://localhost:" + port + "/widget.js");
			WebElement open = browser.waiting(WAIT)
				.until(driver -> driver.findElements(By.cssSelector("button[aria-label='Chat with us']")).stream()
					.findFirst()
					.orElse(null));
			assertThat(browser.driver().findElements(By.cssSelector("button[aria-label='Chat with us']"))).hasSize(1);
			assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Northwind Goods");
			open.click();
			browser.driver().switchTo().frame(browser.driver().findElement(By.cssSelector("iframe[title='Chat with us']")));
			browser.waiting(WAIT).until(driver -> driver.findElements(By.cssSelector(".line.bot")).size() > 0);
		}
	}

}
