package frontdesk.web;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

import frontdesk.Browser;
import frontdesk.SettableClock;
import frontdesk.conversation.CustomerDelivery;
import frontdesk.conversation.Reply;
import frontdesk.rating.Ratings;
import frontdesk.telegram.FakeTelegram;
import frontdesk.telegram.Scenes;

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
 * The chat page in a real browser (headless Chromium): questions and answers, a request for a person after hours,
 * which opens a topic in the staff group like a Telegram customer's, staff replies appearing live, and the rating.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(WebChatBrowserTest.Clocks.class)
class WebChatBrowserTest {

	static final Duration WAIT = Duration.ofSeconds(15);

	static final SettableClock clock = new SettableClock();

	static final long GROUP = -1004005006007L;

	static final FakeTelegram telegram = FakeTelegram.start().dated(clock);


	static final Scenes scenes = new Scenes(telegram, GROUP);

	@LocalServerPort
	int port;

	@Autowired
	Ratings ratings;

	@Autowired
	LiveLines live;

	@Autowired
	WebChat chat;

	Browser browser;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		scenes.settings(registry, "web-browser");
		// this shop does not sign staff replies with the staff member's name: they introduce themselves
		registry.add("frontdesk.staff.show-names", () -> "false");
	}

	@BeforeEach
	void openBrowser() {
		// a Sunday: the business is closed
		clock.set(LocalDateTime.parse("2026-11-22T10:00").atZone(ZoneId.of("Europe/London")).toInstant());
		browser = new Browser();
	}

	@AfterEach
	void closeBrowser() {
		browser.close();
	}

	@AfterAll
	static void stopTelegram() {
		telegram.close();
	}

	@Test
	void aVisitorAsksAndGetsTheAnswerAndAReloadKeepsTheConversation() {
		open();
		waitForLine("bot", text -> text.startsWith("Hi there!"));
		assertThat(browser.driver().findElements(By.cssSelector(".line.bot .buttons button"))).isNotEmpty();

		ask("how much does delivery cost?");

		waitForLine("bot", text -> text.contains("£3.95"));
		browser.screenshot("chat-answer");
		browser.driver().navigate().refresh();
		waitForLine("bot", text -> text.contains("£3.95"));
		assertThat(texts("visitor")).containsExactly("how much does delivery cost?");
	}

	@Test
	void eachLineIsDrawnOnceSoAScreenReaderReadsItOnce() {
		// the ids of the lines the live stream brings, as it brings them
		browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
				const Stream = window.EventSource;
				window.streamed = [];
				window.EventSource = function (url, options) {
					const stream = new Stream(url, options);
					stream.addEventListener('line', event => window.streamed.push(JSON.parse(event.data).id));
					return stream;
				};
				window.EventSource.CLOSED = Stream.CLOSED;"""));
		open();
		waitForLine("bot", text -> text.startsWith("Hi there!"));
		assertThat(browser.driver().findElement(By.id("lines")).getDomAttribute("aria-live")).isEqualTo("polite");
		// every bubble the page puts in the list, counted by line
		browser.driver().executeScript("""
				window.drawn = {};
				new MutationObserver(changes => changes.forEach(change => change.addedNodes.forEach(node => {
					const line = node.classList.contains('bubble') ? node.parentElement : node;
					window.drawn[line.dataset.id] = (window.drawn[line.dataset.id] || 0) + 1;
				}))).observe(document.getElementById('lines'), { childList: true, subtree: true });""");

		ask("how much does delivery cost?");
		waitForLine("bot", text -> text.contains("£3.95"));
		// the stream brings the same lines a moment after the answer to the post did
		browser.waiting(WAIT).until(driver -> ((Number) browser.driver().executeScript("""
				const lines = [...document.querySelectorAll('#lines .line')].slice(-2).map(line => Number(line.dataset.id));
				return lines.filter(id => window.streamed.includes(id)).length;""")).intValue() == 2);

		@SuppressWarnings("unchecked")
		Map<String, Number> drawn = (Map<String, Number>) browser.driver().executeScript("return window.drawn;");
		assertThat(drawn).hasSize(2).allSatisfy((line, times) -> assertThat(times.intValue()).as("line " + line).isEqualTo(1));

	}

	@Test
	void aScreenReaderReadsWhoWroteEachLineWhichTheEyeDoesNotSee() {
		open();
		waitForLine("bot", text -> text.startsWith("Hi there!"));
		ask("how much does delivery cost?");
		waitForLine("bot", text -> text.contains("£3.95"));
		chat.on(new CustomerDelivery(WebChat.profile(visitor()), Reply.of("Grace: your parcel is on its way"), true));
		waitForLine("staff", text -> text.equals("Grace: your parcel is on its way"));

		List<WebElement> lines = browser.driver().findElements(By.cssSelector("#lines .line"));
		assertThat(lines).extracting(line -> line.getDomProperty("textContent"))
			.satisfiesExactly(greeting -> assertThat(greeting).startsWith("Assistant: Hi there!"),
					question -> assertThat(question).isEqualTo("You: how much does delivery cost?"),
					answer -> assertThat(answer).startsWith("Assistant: UK standard delivery is £3.95"),
					staff -> assertThat(staff).isEqualTo("Staff: Grace: your parcel is on its way"));
		// the bubble is what the eye sees: the name takes no room beside it
		assertThat(texts("visitor")).containsExactly("how much does delivery cost?");
		assertThat(browser.driver().findElements(By.cssSelector("#lines .line .visually-hidden")))
			.hasSize(4)
			.allSatisfy(name -> assertThat(name.getRect().getWidth() * name.getRect().getHeight()).isLessThanOrEqualTo(1));
	}

	@Test
	void aFirstMessageWrittenBeforeThePageGreetedBelongsToTheSameVisitorAsTheGreeting() {
		// a slow connection: the visitor writes before the page's first request has come back with their cookie
		ChromiumNetworkConditions slow = new ChromiumNetworkConditions();
		slow.setLatency(Duration.ofMillis(600));
		browser.driver().setNetworkConditions(slow);
		open();
		ask("how much does delivery cost?");
		waitForLine("bot", text -> text.contains("£3.95"));
		waitForLine("bot", text -> text.startsWith("Hi there!"));
		browser.driver().deleteNetworkConditions();

		// the answer's suggestions are the visitor's own, and a reload shows one conversation
		browser.driver().findElement(By.cssSelector(".line.bot .buttons button:enabled")).click();
		waitForLine("bot", text -> text.contains("tracking link"));
		assertThat(browser.driver().findElement(By.id("notice")).getText()).isEmpty();
		browser.driver().navigate().refresh();
		waitForLine("bot", text -> text.contains("tracking link"));
		assertThat(texts("bot")).anyMatch(text -> text.startsWith("Hi there!")).anyMatch(text -> text.contains("£3.95"));
	}

	@Test
	void customerTextIsShownAsTextNeverAsMarkup() {
		open();
		waitForLine("bot", text -> text.startsWith("Hi there!"));

		ask("<script>window.hacked = true</script><b>bold</b>");

		waitForLine("visitor", text -> text.equals("<script>window.hacked = true</script><b>bold</b>"));
		assertThat(browser.driver().findElements(By.cssSelector("#lines script, #lines b"))).isEmpty();
		assertThat(browser.driver().executeScript("return window.hacked === true")).isEqualTo(false);
	}

	@Test
	void aPersonAfterHoursThenStaffRepliesLiveAndTheRatingIsStored() {
		open();
		waitForLine("bot", text -> text.startsWith("Hi there!"));

		ask("I'd like to talk to a person");

		String promise = waitForLine("bot", text -> text.contains("We're closed now")).getText();
		assertThat(promise).contains("#T-").contains("a person will answer by Monday");
		browser.screenshot("chat-after-hours-promise");
		String number = promise.replaceAll("(?s).*(#T-\\d{6}).*", "$1");
		FakeTelegram.Call card = telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("text").asText().startsWith(number), WAIT);
		assertThat(card.text()).contains("Customer: Customer (web ");
		int topic = card.body().path("message_thread_id").asInt();

		scenes.inTopic(topic, 901, "Grace", "Hello! I'm Grace from the shop. How can I help?");

		waitForLine("staff", text -> text.equals("Hello! I'm Grace from the shop. How can I help?"));
		ask("my lamp arrived broken");
		telegram.awaitCall("sendMessage", body -> body.path("chat_id").asLong() == GROUP
				&& body.path("text").asText().contains("Customer: my lamp arrived broken"), WAIT);
		scenes.inTopic(topic, 901, "Grace", "/close");

		// the goodbye and the rating question are the bot's, not Grace's
		waitForLine("bot", text -> text.contains("How would you rate this conversation?"));
		List<String> scale = browser.waiting(WAIT).until(driver -> driver
			.findElements(By.cssSelector(".line.bot .buttons.row button"))
			.stream()
			.map(button -> button.getText() + "=" + button.getAttribute("data-data"))
			.toList());
		assertThat(scale).extracting(button -> button.split("=")[0]).containsExactly("1", "2", "3", "4", "5");
		long conversation = Long.parseLong(scale.get(0).split(":")[1]);
		browser.screenshot("chat-rating");
		browser.waiting(WAIT).until(ExpectedConditions.elementToBeClickable(
				By.cssSelector(".line.bot .buttons.row button[data-data='rate:" + conversation + ":4']")))
			.click();

		waitForLine("bot", text -> text.endsWith("You rated it 4 out of 5. Thank you!"));
		waitForLine("bot", text -> text.startsWith("Anything we could do better?"));
		await().atMost(WAIT).until(() -> ratings.find(conversation).map(rating -> rating.score()).orElse(0) == 4);
		browser.screenshot("chat-rated");
	}

	@Test
	void aStaffReplyWrittenWhileTheLiveStreamWasDownAppearsWhenItReconnects() {
		open();
		waitForLine("bot", text -> text.startsWith("Hi there!"));
		String visitor = visitor();
		// the server ends the page's stream (as it does every few minutes), and the network keeps the page from
		// opening a new one for a while
		browser.driver().executeCdpCommand("Network.enable", Map.of());
		browser.driver().executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/api/chat/events*")));
		live.stop();
		live.start();
		chat.on(new CustomerDelivery(WebChat.profile(visitor), Reply.of("Grace: your parcel is on its way"), true));

		// the answer to the visitor's own message, newer than the staff line, comes while the stream is down
		ask("where is my order");
		waitForLine("bot", text -> text.contains("tracking"));
		browser.driver().executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));

		waitForLine("staff", text -> text.equals("Grace: your parcel is on its way"));
	}

	@Test
	void aStaffReplyWrittenWhileTheCatchUpAfterABreakFailedStillAppears() {
		open();
		waitForLine("bot", text -> text.startsWith("Hi there!"));
		String visitor = visitor();
		// the page's catch-ups fail until told otherwise
		browser.driver().executeScript("""
				const fetchNow = window.fetch;
				window.catchUpsFailed = 0;
				window.failCatchUps = true;
				window.fetch = (url, options) => {
					if (window.failCatchUps && String(url).includes('?after=')) {
						window.catchUpsFailed++;
						return Promise.reject(new TypeError('Failed to fetch'));
					}
					return fetchNow(url, options);
				};""");
		browser.driver().executeCdpCommand("Network.enable", Map.of());
		browser.driver().executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/api/chat/events*")));
		live.stop();
		live.start();
		chat.on(new CustomerDelivery(WebChat.profile(visitor), Reply.of("Grace: sorry for the wait"), true));

		// the stream comes back, but the catch-up that follows fails; then a newer line comes live
		browser.driver().executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
		browser.waiting(WAIT).until(driver -> ((Number) browser.driver()
			.executeScript("return window.catchUpsFailed")).intValue() > 0);
		chat.on(new CustomerDelivery(WebChat.profile(visitor), Reply.of("Grace: your parcel is on its way"), true));
		waitForLine("staff", text -> text.equals("Grace: your parcel is on its way"));
		browser.driver().executeScript("window.failCatchUps = false");

		waitForLine("staff", text -> text.equals("Grace: sorry for the wait"));
		assertThat(texts("staff")).containsExactly("Grace: sorry for the wait", "Grace: your parcel is on its way");
	}

	@Test
	void aPageWhoseFirstFetchFailedStillShowsTheChatAndStaffRepliesLive() {
		open();
		waitForLine("bot", text -> text.startsWith("Hi there!"));
		String visitor = visitor();
		// the next page's first request fails, as on a network that drops out while the page loads
		browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
				const fetchNow = window.fetch;
				window.fetchesToFail = 1;
				window.fetch = (url, options) => window.fetchesToFail-- > 0
					? Promise.reject(new TypeError('Failed to fetch')) : fetchNow(url, options);"""));
		browser.driver().navigate().refresh();
		browser.waiting(WAIT).until(driver -> ((Number) browser.driver()
			.executeScript("return window.fetchesToFail")).intValue() < 1);

		chat.on(new CustomerDelivery(WebChat.profile(visitor), Reply.of("Grace: hello again"), true));

		waitForLine("staff", text -> text.equals("Grace: hello again"));
		waitForLine("bot", text -> text.startsWith("Hi there!"));
		assertThat(texts("bot")).as("greeted once").filteredOn(text -> text.startsWith("Hi there!")).hasSize(1);
	}

	@Test
	void aMessageThatDidNotGoThroughComesBackBeforeWhatTheVisitorHasBegunToWriteSince() {
		open();
		waitForLine("bot", text -> text.startsWith("Hi there!"));
		browser.driver().executeScript("window.fetch = () => new Promise((ok, fail) => "
				+ "setTimeout(() => fail(new TypeError('Failed to fetch')), 1500));");

		ask("first message");
		browser.driver().findElement(By.id("text")).sendKeys("and then this");

		browser.waiting(WAIT).until(driver -> !driver.findElement(By.cssSelector("#notice")).getText().isEmpty());
		assertThat(browser.driver().executeScript("return document.getElementById('text').value"))
			.isEqualTo("first message\nand then this");
	}

	@Test
	void aMessageWhoseAnswerWasLostOnTheWaySentAgainIsKeptOnce() {
		open();
		waitForLine("bot", text -> text.startsWith("Hi there!"));
		// the answer to the next post is lost on the way back: the server has the message, the page cannot know
		loseTheNextAnswer(0);

		ask("how much does delivery cost?");
		browser.waiting(WAIT).until(driver -> "how much does delivery cost?"
			.equals(driver.findElement(By.id("text")).getDomProperty("value")));
		browser.driver().findElement(By.id("send")).click();
		browser.waiting(WAIT).until(driver -> driver.findElement(By.id("text")).getDomProperty("value").isEmpty());
		waitForLine("bot", text -> text.contains("£3.95"));

		browser.driver().navigate().refresh();
		waitForLine("bot", text -> text.contains("£3.95"));
		assertThat(texts("visitor")).containsExactly("how much does delivery cost?");
		assertThat(texts("bot")).filteredOn(text -> text.contains("£3.95")).hasSize(1);
	}

	@Test
	void aMessageWhoseAnswerWasLostComingBackWithWhatWasWrittenSinceKeepsBoth() {
		open();
		waitForLine("bot", text -> text.startsWith("Hi there!"));
		// the answer to the next post is lost on the way back, after a while in which the visitor goes on writing
		loseTheNextAnswer(1500);

		ask("how much does delivery cost?");
		browser.driver().findElement(By.id("text")).sendKeys("and to France?");
		browser.waiting(WAIT).until(driver -> "how much does delivery cost?\nand to France?"
			.equals(driver.findElement(By.id("text")).getDomProperty("value")));
		browser.driver().findElement(By.id("send")).click();
		browser.waiting(WAIT).until(driver -> driver.findElement(By.id("text")).getDomProperty("value").isEmpty());

		browser.waiting(WAIT).until(driver -> texts("visitor").stream().anyMatch(text -> text.contains("and to France?")));
		browser.driver().navigate().refresh();
		browser.waiting(WAIT).until(driver -> texts("visitor").stream().anyMatch(text -> text.contains("and to France?")));
	}

	@Test
	void worksInABrowserWithoutTheNewerPartsItUsesWhenItHasThem() {
		// older phones' browsers: no ResizeObserver, and crypto.randomUUID only on HTTPS
		browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
				"delete window.ResizeObserver; delete Crypto.prototype.randomUUID;"));
		open();
		waitForLine("bot", text -> text.startsWith("Hi there!"));

		ask("how much does delivery cost?");

		waitForLine("bot", text -> text.contains("£3.95"));
	}

	@Test
	void enterWhileAnInputMethodComposesAWordDoesNotSend() {
		open();
		waitForLine("bot", text -> text.startsWith("Hi there!"));
		browser.driver().findElement(By.id("text")).sendKeys("\u3053\u3093\u306b\u3061\u306f");

		browser.driver().executeScript("document.getElementById('text').dispatchEvent(new KeyboardEvent('keydown', "
				+ "{ key: 'Enter', isComposing: true, bubbles: true, cancelable: true }))");
		assertThat(browser.driver().executeScript("return document.getElementById('text').value"))
			.isEqualTo("\u3053\u3093\u306b\u3061\u306f");
		browser.driver().executeScript("document.getElementById('text').dispatchEvent(new KeyboardEvent('keydown', "
				+ "{ key: 'Enter', bubbles: true, cancelable: true }))");

		waitForLine("visitor", text -> text.equals("\u3053\u3093\u306b\u3061\u306f"));
		assertThat(texts("visitor")).containsExactly("\u3053\u3093\u306b\u3061\u306f");
	}

	@Test
	void aButtonPressedFromTheKeyboardLeavesItInTheBoxAndTheBoxGrowsWithItsLines() {
		open();
		waitForLine("bot", text -> text.startsWith("Hi there!"));
		WebElement button = browser.driver().findElement(By.cssSelector(".line.bot .buttons button"));

		button.sendKeys(Keys.ENTER);

		browser.waiting(WAIT).until(driver -> texts("bot").size() > 1);
		assertThat(browser.driver().executeScript("return document.activeElement.id")).isEqualTo("text");
		assertThat(button.getDomAttribute("class")).contains("pressed");
		WebElement input = browser.driver().findElement(By.id("text"));
		int oneLine = input.getSize().getHeight();
		input.sendKeys("first line", Keys.chord(Keys.SHIFT, Keys.ENTER), "second line",
				Keys.chord(Keys.SHIFT, Keys.ENTER), "third line");
		assertThat(input.getSize().getHeight()).isGreaterThan(oneLine);
		input.sendKeys(Keys.ENTER);
		waitForLine("visitor", text -> text.startsWith("first line"));
		assertThat(input.getSize().getHeight()).isEqualTo(oneLine);
	}

	@Test
	void onlyTheNewestButtonsCanBePressedAndTheKeyboardPassesTheOthersBy() {
		open();
		List<WebElement> greeting = buttons(waitForLine("bot", text -> text.startsWith("Hi there!")));
		ask("how much does delivery cost?");
		List<WebElement> answer = buttons(waitForLine("bot", text -> text.contains("£3.95")));

		assertThat(greeting).isNotEmpty().allSatisfy(button -> assertThat(button.isEnabled()).isFalse());
		assertThat(answer).hasSize(2).allSatisfy(button -> assertThat(button.isEnabled()).isTrue());
		// back from the box: the answer's buttons, and then past the greeting's
		browser.driver().findElement(By.id("text")).click();
		for (int i = answer.size() - 1; i >= 0; i--) {
			shiftTab();
			assertThat(browser.driver().switchTo().activeElement()).isEqualTo(answer.get(i));
		}
		shiftTab();
		assertThat(browser.driver().switchTo().activeElement()).isNotIn(greeting);

		answer.get(0).sendKeys(Keys.ENTER);
		List<WebElement> next = buttons(waitForLine("bot", text -> text.contains("tracking link")));
		assertThat(answer).allSatisfy(button -> assertThat(button.isEnabled()).isFalse());
		assertThat(next).isNotEmpty().allSatisfy(button -> assertThat(button.isEnabled()).isTrue());
		// as a reload finds them
		browser.driver().navigate().refresh();
		waitForLine("bot", text -> text.contains("tracking link"));
		List<Boolean> enabled = browser.driver().findElements(By.cssSelector(".line .buttons")).stream()
			.map(bar -> bar.findElements(By.tagName("button")).stream().allMatch(WebElement::isEnabled))
			.toList();
		assertThat(enabled).containsExactly(false, false, true);
	}

	@Test
	void aRequestForAPersonCanStillBeTakenBackAfterTheBotAnsweredAQuestionMeanwhile() {
		open();
		waitForLine("bot", text -> text.startsWith("Hi there!"));
		ask("/human");
		WebElement waiting = waitForLine("bot", text -> text.contains("#T-"));
		ask("how much does delivery cost?");
		WebElement answer = waitForLine("bot", text -> text.contains("£3.95"));
		assertThat(buttons(answer)).isNotEmpty().allSatisfy(button -> assertThat(button.isEnabled()).isTrue());

		WebElement neverMind = waiting.findElement(By.cssSelector("button[data-data^='withdraw:']"));
		assertThat(neverMind.isEnabled()).isTrue();
		neverMind.click();

		waitForLine("bot", text -> text.startsWith("No problem, I've cancelled request"));
	}

	@Test
	void aVisitorWhoPrefersDarkColoursGetsThemWithEveryTextReadable() {
		open();
		waitForLine("bot", text -> text.startsWith("Hi there!")).findElement(By.cssSelector(".buttons button")).click();
		waitForLine("bot", text -> text.contains("tracking link"));
		chat.on(new CustomerDelivery(WebChat.profile(visitor()), Reply.of("Grace: your parcel is on its way"), true));
		waitForLine("staff", text -> text.startsWith("Grace:"));
		ask("thanks");
		waitForLine("visitor", text -> text.equals("thanks"));
		browser.driver().executeScript("document.getElementById('notice').textContent = arguments[0]",
				"Sorry, that did not go through. Please try again.");

		Colours light = colours();
		browser.prefersColourScheme("dark");
		Colours dark = colours();
		browser.screenshot("chat-dark");

		assertThat(light.page()).isGreaterThan(0.8);
		assertThat(dark.page()).isLessThan(0.05);
		assertThat(dark.box()).isLessThan(0.05);
		for (Colours scheme : List.of(light, dark)) {
			assertThat(scheme.contrasts()).hasSize(11)
				.allSatisfy((text, contrast) -> assertThat(contrast.doubleValue()).as(text).isGreaterThanOrEqualTo(4.5));
		}
	}

	@Test
	void aPasteLongerThanAMessageCanBeTellsTheVisitorItsEndWasLeftOut() {
		open();
		waitForLine("bot", text -> text.startsWith("Hi there!"));
		String paste = """
				const data = new DataTransfer();
				data.setData('text/plain', arguments[0]);
				document.getElementById('text').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data,
					bubbles: true, cancelable: true }));
				return document.getElementById('notice').textContent === '';""";

		// the box is the browser's to cut at its length; lines broken as on Windows count once, as the box counts them
		assertThat(browser.driver().findElement(By.id("text")).getDomProperty("maxLength")).isEqualTo("4096");
		assertThat(browser.driver().executeScript(paste, "x".repeat(4000) + "\r\n".repeat(90))).isEqualTo(true);
		assertThat(browser.driver().executeScript(paste, "x".repeat(5000))).isEqualTo(false);
		assertThat(browser.driver().findElement(By.id("notice")).getText())
			.isEqualTo("A message has at most 4,096 characters, so the end of what you pasted was left out.");
	}

	@Test
	void aMessageTheServerRefusesIsToldInTheBusinesssWordsNotTheServers() {
		open();
		waitForLine("bot", text -> text.startsWith("Hi there!"));

		// longer than the box allows, as a script could make it
		browser.driver().executeScript("document.getElementById('text').value = 'x'.repeat(5000);");
		browser.driver().findElement(By.id("send")).click();

		browser.waiting(WAIT).until(driver -> !driver.findElement(By.id("notice")).getText().isEmpty());
		assertThat(browser.driver().findElement(By.id("notice")).getText())
			.isEqualTo("Sorry, that did not go through. Please try again.");
	}

	/** The next post reaches the server, but its answer is lost on the way back, after the given milliseconds. */
	private void loseTheNextAnswer(int after) {
		browser.driver().executeScript("""
				const real = window.fetch;
				const after = arguments[0];
				window.fetch = (url, options) => {
					if (!options || options.method !== 'POST') {
						return real(url, options);
					}
					window.fetch = real;
					return real(url, options).then(() => new Promise((ok, fail) =>
						setTimeout(() => fail(new TypeError('Failed to fetch')), after)));
				};""", after);
	}

	/** The visitor the browser is, from its signed cookie. */
	private String visitor() {
		String cookie = browser.driver().manage().getCookieNamed(Visitors.COOKIE).getValue();
		return cookie.substring(0, cookie.lastIndexOf('.'));
	}

	private void open() {
		browser.driver().get("http://localhost:" + port + "/");
	}

	private void ask(String text) {
		WebElement input = browser.driver().findElement(By.id("text"));
		input.sendKeys(text);
		browser.driver().findElement(By.id("send")).click();
	}

	private WebElement waitForLine(String author, java.util.function.Predicate<String> text) {
		return browser.waiting(WAIT).until(driver -> driver.findElements(By.cssSelector(".line." + author))
			.stream()
			.filter(line -> text.test(line.findElement(By.cssSelector(".bubble")).getText()))
			.reduce((first, second) -> second)
			.orElse(null));
	}

	/** The luminance of the page and of the box the visitor writes in, and the contrast of each text the page shows. */
	private Colours colours() {
		Map<String, Double> contrasts = browser.contrasts(Map.ofEntries(Map.entry("placeholder", "#text::placeholder"),
				Map.entry("title", ".chat-header h1"), Map.entry("subtitle", ".chat-header p"),
				Map.entry("bot", ".line.bot .bubble"), Map.entry("visitor", ".line.visitor .bubble"),
				Map.entry("staff", ".line.staff .bubble"), Map.entry("button", ".buttons button:enabled"),
				Map.entry("pressed", ".buttons button.pressed"), Map.entry("notice", "#notice"), Map.entry("text", "#text"),
				Map.entry("send", "#send")));
		return new Colours(browser.luminanceBehind("body"), browser.luminanceBehind("#text"), contrasts);
	}

	record Colours(double page, double box, Map<String, Double> contrasts) {
	}

	private static List<WebElement> buttons(WebElement line) {
		return line.findElements(By.cssSelector(".buttons button"));
	}

	/** Shift+Tab, which goes back to what was focused before. */
	private void shiftTab() {
		new Actions(browser.driver()).keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
	}

	private List<String> texts(String author) {
		return browser.driver().findElements(By.cssSelector(".line." + author + " .bubble")).stream()
			.map(WebElement::getText)
			.toList();
	}


	static class Clocks {

		@Bean
		@Primary
		SettableClock settableClock() {
			return clock;
		}
	}
}
