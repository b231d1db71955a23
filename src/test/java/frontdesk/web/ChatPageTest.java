package frontdesk.web;

import java.nio.file.Path;
import java.util.UUID;

import frontdesk.ScratchIntents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The chat page's own texts come from {@code messages.yml}, as text, never as markup.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class ChatPageTest {

	static final Path INTENTS = ScratchIntents.folder("chat-page-intents", "shop.yml", """
				intents:
				  - id: opening_hours
				    examples: [when are you open, what are your opening hours]
				    answer: "We're open {hours}."
				""", "messages.yml", """
				language: "de"
				web:
				  title: "Schreiben Sie uns <3 & Co's"
				  placeholder: "Ihre Frage…"
				  send: "Senden"
				  you: "Sie"
				  offline: "Keine Verbindung \\"offline\\""
				  close: "Chat \\"schließen\\" </script>"
				""");

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.intents.dir", INTENTS::toString);
		registry.add("frontdesk.matching.model", () -> "lexical");
		registry.add("frontdesk.data-dir", () -> "./target/test-data/chat-page-" + UUID.randomUUID());
	}

	@Test
	void showsTheBusinesssWordingEscapedAndTheDefaultsForTheRest() throws Exception {
		String page = mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/html;charset=UTF-8"))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

		assertThat(page).contains("<html lang=\"de\">", "<title>Schreiben Sie uns &lt;3 &amp; Co&#39;s</title>",
				"<h1>Schreiben Sie uns &lt;3 &amp; Co&#39;s</h1>", "aria-label=\"Schreiben Sie uns &lt;3 &amp; Co&#39;s\"",
				"placeholder=\"Ihre Frage…\"", ">Senden</button>", "data-offline=\"Keine Verbindung &quot;offline&quot;\"",
				"<p>Answers right away, and a person when you need one</p>",
				"data-not-sent=\"Sorry, that did not go through. Please try again.\"", "data-you=\"Sie\"",
				"data-bot=\"Assistant\"", "data-staff=\"Staff\"")
			.doesNotContain("<3", "Co's");
		// the list becomes a live region once the page has shown the conversation it found, which a reload would
		// otherwise read out again
		assertThat(page).contains("<ol id=\"lines\" class=\"lines\"></ol>", "<textarea id=\"text\" rows=\"1\" maxlength=\"4096\" dir=\"auto\"");
		assertThat(mvc.perform(get("/widget.js"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/javascript;charset=UTF-8"))
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
			.contains("const labels = {\"open\":\"Schreiben Sie uns <3 & Co's\",\"close\":\"Chat \\\"schließen\\\" "
					+ "</script>\",\"unread\":\"Chat with us: new message\"};", "labels.open", "labels.close",
					"labels.unread")
			.doesNotContain("LABELS");
		assertThat(mvc.perform(get("/index.html")).andReturn().getResponse().getContentAsString(
				java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(page);
	}

	@Test
	void theChatAndTheConsoleShowTheProductsIcon() throws Exception {
		assertThat(mvc.perform(get("/favicon.svg"))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/svg+xml"))
			.andReturn()
			.getResponse()
			.getContentAsString()).startsWith("<svg ");
		String link = "<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">";
		assertThat(mvc.perform(get("/")).andExpect(header().string("Referrer-Policy", "same-origin")).andReturn()
			.getResponse().getContentAsString()).contains(link);
		assertThat(mvc.perform(get("/console")).andReturn().getResponse().getContentAsString()).contains(link);
	}

	@Test
	void tellsTheOwnerOnceWhenTheChatIsInAFrameOnAnotherSiteWithACookieThatCannotFollowIt(CapturedOutput output)
			throws Exception {
		mvc.perform(get("/").header("Sec-Fetch-Site", "same-origin").header("Sec-Fetch-Dest", "document"))
			.andExpect(status().isOk());
		assertThat(output).doesNotContain("in a frame on another site");

		for (int i = 0; i < 2; i++) {
			mvc.perform(get("/").param("embed", "1")
				.header("Sec-Fetch-Site", "cross-site")
				.header("Sec-Fetch-Dest", "iframe")
				.header("Referer", "https://shop.example.com/"))
				.andExpect(status().isOk());
		}

		assertThat(output.toString().split("in a frame on another site", -1)).hasSize(2);
		assertThat(output).contains("The chat is in a frame on another site (https://shop.example.com/), but its "
				+ "visitors' cookie is SameSite=Lax", "frontdesk.web.cookie-same-site=None");
	}
}
