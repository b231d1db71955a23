package frontdesk.console;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import frontdesk.Browser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With no console users set up, the console is off: it says so and how to turn it on, and no one can sign in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ConsoleOffTest {

	@DynamicPropertySource
	static void noUsers(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.data-dir", () -> "./target/test-data/console-off-" + UUID.randomUUID());
		registry.add("frontdesk.telegram.token", () -> "");
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@LocalServerPort
	int port;

	@Test
	void saysTheConsoleIsOffAndHowToTurnItOn() throws Exception {
		mvc.perform(get("/console"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The staff console is off")))
			.andExpect(content().string(containsString("hash-password")))
			.andExpect(content().string(containsString("frontdesk:")));
		mvc.perform(get("/console/login")).andExpect(content().string(containsString("The staff console is off")));
	}

	@Test
	void showsTheSamePageInABrowser() {
		try (Browser browser = new Browser()) {
			browser.driver().get("http://localhost:" + port + "/console/reports");

			browser.waiting(Duration.ofSeconds(15)).until(ExpectedConditions.titleContains("Console off"));
			assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("The staff console is off");
			browser.screenshot("console-off");
		}
	}

	@Test
	void letsNoOneSignIn() throws Exception {
		mvc.perform(post("/console/login").param("username", "admin").param("password", "admin").with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/console"));
		mvc.perform(get("/console/reports")).andExpect(redirectedUrl("/console"));
		mvc.perform(get("/console/reports").with(httpBasic("user", "password"))).andExpect(redirectedUrl("/console"));
	}

	@Test
	void servesNoFigures() throws Exception {
		mvc.perform(get("/api/stats").with(httpBasic("user", "password")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.error", containsString("console is off")));
	}

	@Test
	void hasNoGeneratedUser() {
		assertThat(context.getBeansOfType(UserDetailsService.class).values()).singleElement()
			.isInstanceOf(ConsoleUsers.class);
		assertThat(context.getBean(ConsoleUsers.class).enabled()).isFalse();
	}
}
