package frontdesk.console;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import frontdesk.intent.IntentCatalog;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reports: the last 30 days' figures and charts (Chart.js, served by the app itself), and the questions the bot could
 * not answer, each of which can be added to an intent as an example.
 */
@Controller
class ReportsController {

	/** Where the app serves Chart.js from, out of its webjar. */
	static final String CHART_JS = "/webjars/chart.js/" + webjarVersion("chart.js", "4.4.1") + "/dist/chart.umd.js";

	private final Reports reports;

	private final IntentCatalog catalog;

	ReportsController(Reports reports, IntentCatalog catalog) {
		this.reports = reports;
		this.catalog = catalog;
	}

	@GetMapping("/console/reports")
	String reports(Model model) {
		model.addAttribute("figures", reports.figures());
		model.addAttribute("questions", reports.unanswered());
		model.addAttribute("intents", reports.intents());
		model.addAttribute("days", Reports.DAYS);
		model.addAttribute("weeks", Reports.WEEKS);
		model.addAttribute("chartJs", CHART_JS);
		return "console/reports";
	}

	/** The series the page's charts draw. */
	@GetMapping("/console/reports/charts")
	@ResponseBody
	Reports.Charts charts() {
		return reports.charts();
	}

	/** Adds a question to an intent's examples: the intents file is changed and the bot learns it within seconds. */
	@PostMapping("/console/reports/examples")
	String addExample(@RequestParam(defaultValue = "") String intent, @RequestParam(defaultValue = "") String text,
			RedirectAttributes flash) {
		try {
			catalog.addExample(intent, text);
			flash.addFlashAttribute("notice", "Added \u201c" + text.strip() + "\u201d to " + intent
					+ ". The bot answers it once it has learnt it, in a few seconds.");
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			flash.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/console/reports#unanswered";
	}

	/** The version of a webjar on the class path. */
	static String webjarVersion(String name, String otherwise) {
		try (InputStream in = ReportsController.class
			.getResourceAsStream("/META-INF/maven/org.webjars.npm/" + name + "/pom.properties")) {
			if (in == null) {
				return otherwise;
			}
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version", otherwise);
		}
		catch (IOException ex) {
			return otherwise;
		}
	}
}
