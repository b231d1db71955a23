package frontdesk.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import frontdesk.ScratchIntents;
import frontdesk.conversation.ConversationService;
import frontdesk.conversation.CustomerProfile;
import frontdesk.conversation.Inbound;
import frontdesk.conversation.Reply;
import frontdesk.intent.IntentCatalog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The reports page: the figures, the chart series from the stored data, and the questions the bot could not answer,
 * which staff add to an intent's examples (a copy of the shipped intents here).
 */
@SpringBootTest(properties = "frontdesk.intents.reload-interval=1h")
@AutoConfigureMockMvc
class ReportsTest {

	static final Path INTENTS = ScratchIntents.copyOfShipped("console-intents");

	private static final AtomicInteger customers = new AtomicInteger();

	@DynamicPropertySource
	static void users(DynamicPropertyRegistry registry) {
		ConsoleUsersForTests.register(registry, "console-reports", "grace");
		registry.add("frontdesk.intents.dir", INTENTS::toString);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	ConversationService conversations;

	@Autowired
	IntentCatalog catalog;

	@Autowired
	Reports reports;

	private static RequestPostProcessor grace() {
		return user("grace").roles("STAFF");
	}

	private CustomerProfile customer() {
		return new CustomerProfile("web", "reports-" + customers.incrementAndGet(), "Pat", null);
	}

	private List<Reply> say(CustomerProfile customer, String text) {
		return conversations.handle(Inbound.text(customer, text, null)).replies();
	}

	@Test
	void showsTheFiguresAndTheChartsWithChartJsFromTheAppItself() throws Exception {
		mvc.perform(get("/console/reports").with(grace()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Answered by the bot alone")))
			.andExpect(content().string(containsString("Median first response")))
			.andExpect(content().string(containsString("Promises kept")))
			.andExpect(content().string(containsString("<canvas id=\"ratings-per-day\"")))
			.andExpect(content().string(containsString("<canvas id=\"rating-distribution\"")))
			.andExpect(content().string(containsString("<canvas id=\"promises-per-week\"")))
			.andExpect(content().string(containsString("src=\"/webjars/chart.js/4.4.1/dist/chart.umd.js\"")))
			.andExpect(content().string(not(containsString("cdn"))));
		mvc.perform(get("/webjars/chart.js/4.4.1/dist/chart.umd.js")).andExpect(status().isOk());
	}

	@Test
	void drawsTheRatingsOfTodayInTheCharts() throws Exception {
		CustomerProfile customer = customer();
		say(customer, "hello");
		Reply goodbye = say(customer, "/end").get(0);
		String five = goodbye.buttons().get(4).data();
		conversations.handle(Inbound.button(customer, five));

		mvc.perform(get("/console/reports/charts").with(grace()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.days.length()").value(Reports.DAYS))
			.andExpect(jsonPath("$.averages.length()").value(Reports.DAYS))
			.andExpect(jsonPath("$.averages[29]").value(5.0))
			.andExpect(jsonPath("$.counts[29]").value(1))
			.andExpect(jsonPath("$.distribution[4]").value(1))
			.andExpect(jsonPath("$.weeks.length()").value(Reports.WEEKS))
			.andExpect(jsonPath("$.kept.length()").value(Reports.WEEKS));
	}

	@Nested
	class Unanswered {

		@Test
		void listsAQuestionWithItsCountAndAFormToAddItToAnIntent() throws Exception {
			say(customer(), "zqxv frobnicate the wibble");
			say(customer(), "Zqxv frobnicate the wibble ");

			mvc.perform(get("/console/reports").with(grace()))
				.andExpect(content().string(containsString("<td class=\"question\" dir=\"auto\">zqxv frobnicate the wibble</td>")))
				.andExpect(content().string(containsString("<td class=\"times\">2</td>")))
				.andExpect(content().string(containsString("action=\"/console/reports/examples\"")))
				.andExpect(content().string(containsString("name=\"_csrf\"")));
		}

		@Test
		void offersTheBestGuessFirstWithoutChoosingItAndShortensALongQuestion() throws Exception {
			String rambling = "wibble".repeat(60);
			say(customer(), rambling);

			String page = mvc.perform(get("/console/reports").with(grace())).andReturn().getResponse().getContentAsString();
			String row = page.substring(page.indexOf("<td class=\"question\" dir=\"auto\">wibble"));
			row = row.substring(0, row.indexOf("</tr>"));

			assertThat(row).contains("<td class=\"question\" dir=\"auto\">" + rambling.substring(0, 297) + "...</td>")
				.contains("value=\"" + rambling + "\"")
				.contains("<option value=\"\" selected>Choose an intent</option>")
				.doesNotContain("selected=\"selected\"");
			String guess = reports.unanswered().stream().filter(question -> question.text().equals(rambling)).findFirst()
				.orElseThrow().bestGuess();
			assertThat(guess).isNotNull();
			assertThat(row).containsPattern("<option value=\"" + guess + "\">[^<]+ \\(best guess\\)</option>");
		}

		@Test
		void addsAQuestionToAnIntentSoTheBotAnswersIt() throws Exception {
			String question = "do you offer engraving on the speakers";
			say(customer(), question);
			mvc.perform(get("/console/reports").with(grace()))
				.andExpect(content().string(containsString("<td class=\"question\" dir=\"auto\">" + question + "</td>")));

			mvc.perform(post("/console/reports/examples").param("intent", "about_company").param("text", question)
				.with(grace())
				.with(csrf()))
				.andExpect(redirectedUrl("/console/reports#unanswered"))
				.andExpect(flash().attribute("notice", containsString("Added")));

			assertThat(Files.readString(INTENTS.resolve("shop.yml"))).contains("- \"" + question + "\"");
			assertThat(catalog.current().find("about_company").orElseThrow().examples()).contains(question);
			mvc.perform(get("/console/reports").with(grace()))
				.andExpect(content().string(not(containsString("<td class=\"question\" dir=\"auto\">" + question + "</td>"))));
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(say(customer(), question).get(0).text())
				.isIn(catalog.current().find("about_company").orElseThrow().answers()));
		}

		@Test
		void keepsTheListFullAsStaffAddTheQuestionsTheyWorkThrough() throws Exception {
			// asked once each and last in the alphabet, so these come after what the other tests ask
			for (int i = 1; i <= Reports.UNANSWERED + 5; i++) {
				say(customer(), "zzzz wibble " + i);
			}
			List<Reports.Question> before = reports.unanswered();
			assertThat(before).hasSize(Reports.UNANSWERED);
			List<Reports.Question> mine = before.stream().filter(question -> question.text().startsWith("zzzz")).toList();

			for (Reports.Question added : mine.subList(0, 2)) {
				mvc.perform(post("/console/reports/examples").param("intent", "about_company")
					.param("text", added.text())
					.with(grace())
					.with(csrf())).andExpect(flash().attribute("notice", containsString("Added")));
			}

			List<Reports.Question> after = reports.unanswered();
			assertThat(after).hasSize(Reports.UNANSWERED)
				.extracting(Reports.Question::text)
				.doesNotContain(mine.get(0).text(), mine.get(1).text());
		}

		@Test
		void refusesAnUnknownIntent() throws Exception {
			mvc.perform(post("/console/reports/examples").param("intent", "refunds_to_mars").param("text", "beam me")
				.with(grace())
				.with(csrf())).andExpect(flash().attribute("problem", "There is no intent 'refunds_to_mars'."));

			assertThat(catalog.current().find("refunds_to_mars")).isEmpty();
		}

		@Test
		void refusesAQuestionThatIsAnExampleAlready() throws Exception {
			String known = catalog.current().find("greeting").orElseThrow().examples().get(0);

			mvc.perform(post("/console/reports/examples").param("intent", "thanks").param("text", known)
				.with(grace())
				.with(csrf())).andExpect(flash().attribute("problem", containsString("already an example of 'greeting'")));
		}
	}
}
