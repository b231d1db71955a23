package frontdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless browser for the web tests: Debian's {@code chromium}, driven through its {@code chromedriver}
 * (installed by {@code .ci/run}); nothing is downloaded.
 */
public final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of(System.getProperty("frontdesk.chromium", "/usr/bin/chromium"));

	static final Path CHROMEDRIVER = Path.of(System.getProperty("frontdesk.chromedriver", "/usr/bin/chromedriver"));

	/** Where screenshots go, for a person to look at. */
	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/** WCAG's luminance and contrast, and the nearest background that is not transparent. */
	private static final String COLOURS = """
			const rgb = colour => colour.match(/[\\d.]+/g).map(Number);
			const luminance = colour => rgb(colour).slice(0, 3)
				.map(c => c / 255)
				.map(c => c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
				.reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
			const behind = element => {
				const colour = getComputedStyle(element).backgroundColor;
				return rgb(colour)[3] === 0 && element.parentElement ? behind(element.parentElement) : colour;
			};
			const contrast = (text, element) => {
				const [light, dark] = [luminance(text), luminance(behind(element))].sort((a, b) => b - a);
				return (light + 0.05) / (dark + 0.05);
			};
			""";

	private final ChromeDriver driver;

	public Browser() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1280,900", "--lang=en-GB");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
	}

	public ChromeDriver driver() {
		return driver;
	}

	/** Waits for a condition; elements a page redraws meanwhile are looked up again. */
	public WebDriverWait waiting(Duration timeout) {
		WebDriverWait wait = new WebDriverWait(driver, timeout);
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	/**
	 * Whether an element has gone with its page: stale, or, as Chromium says of an element of a page that is being
	 * left for another, no longer in the document.
	 */
	public static ExpectedCondition<Boolean> gone(WebElement element) {
		return driver -> {
			try {
				element.isEnabled();
				return false;
			}
			catch (StaleElementReferenceException ex) {
				return true;
			}
			catch (WebDriverException ex) {
				if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
					return true;
				}
				throw ex;
			}
		};
	}

	/** Makes the page see a device that prefers the colour scheme, {@code light} or {@code dark}. */
	public void prefersColourScheme(String scheme) {
		driver.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
	}

	/**
	 * The contrast of each named element's text with what is behind it, by WCAG's formula (at least 4.5 for text to
	 * be readable); 0 where no element matches. A selector ending in {@code ::placeholder} measures an input's hint.
	 * @param selectors CSS selectors by name; the first element each matches is measured
	 */
	@SuppressWarnings("unchecked")
	public Map<String, Double> contrasts(Map<String, String> selectors) {
		Map<String, Number> found = (Map<String, Number>) driver.executeScript(COLOURS + """
				const contrasts = {};
				for (const [name, selector] of Object.entries(arguments[0])) {
					const [element, pseudo] = selector.split('::');
					const found = document.querySelector(element);
					contrasts[name] = found ? contrast(getComputedStyle(found, pseudo ? '::' + pseudo : null).color, found)
						: 0;
				}
				return contrasts;""", selectors);
		Map<String, Double> contrasts = new TreeMap<>();
		found.forEach((name, contrast) -> contrasts.put(name, contrast.doubleValue()));
		return contrasts;
	}

	/** The relative luminance of what is behind an element, by WCAG's formula: 0 for black, 1 for white. */
	public double luminanceBehind(String selector) {
		return ((Number) driver.executeScript(COLOURS + "return luminance(behind(document.querySelector(arguments[0])));",
				selector)).doubleValue();
	}

	/** Saves what the page looks like now as {@code target/screenshots/<name>.png}. */
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		driver.quit();
	}
}
