package frontdesk.telegram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import frontdesk.Application;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Webhook mode: Telegram (the fake) posts updates to the app's web server instead of the bot asking for them.
 */
@ExtendWith(OutputCaptureExtension.class)
class TelegramWebhookTest {

	static final Duration WAIT = Duration.ofSeconds(15);

	static final String SECRET = "a-secret_token-0123456789";

	private final FakeTelegram telegram = FakeTelegram.start();

	private final String dataDir = "./target/test-data/webhook-" + UUID.randomUUID();

	private final int port = freePort();

	private final String webhook = "http://127.0.0.1:" + port + TelegramWebhookController.PATH;

	private final HttpClient http = HttpClient.newHttpClient();

	private ConfigurableApplicationContext bot;

	private ConfigurableApplicationContext start(String... settings) {
		List<String> args = new ArrayList<>(telegram.arguments());
		args.addAll(List.of("--frontdesk.data-dir=" + dataDir, "--server.port=" + port));
		args.addAll(List.of(settings));
		bot = new SpringApplicationBuilder(Application.class).run(args.toArray(String[]::new));
		return bot;
	}

	@AfterEach
	void stop() {
		if (bot != null) {
			bot.close();
		}
		telegram.close();
	}

	@Test
	void setsTheWebhookAndAnswersWhatTelegramPostsToIt() {
		start("--frontdesk.telegram.webhook.url=" + webhook, "--frontdesk.telegram.webhook.secret=" + SECRET);
		FakeTelegram.Call set = telegram.awaitCall("setWebhook", body -> true, WAIT);
		assertThat(set.body().path("url").asText()).isEqualTo(webhook);
		assertThat(set.body().path("secret_token").asText()).isEqualTo(SECRET);
		assertThat(set.body().path("max_connections").asInt()).as("one update at a time, in order").isEqualTo(1);
		assertThat(set.body().path("drop_pending_updates").asBoolean(true)).isFalse();
		assertThat(set.body().path("allowed_updates")).extracting(node -> node.asText())
			.containsExactlyInAnyOrderElementsOf(TelegramPolling.UPDATES);

		long chat = 7_000_000_001L;
		long first = telegram.sendText(chat, chat, "Ada", "how much is delivery");
		long second = telegram.sendText(chat, chat, "Ada", "/help");
		telegram.awaitMessage(chat, text -> text.contains("/human"), WAIT);

		assertThat(telegram.sentTexts(chat)).hasSize(2);
		assertThat(telegram.sentTexts(chat).get(0)).as("answered in the order written").contains("£");
		telegram.awaitConfirmed(second, WAIT);
		assertThat(telegram.deliveries()).extracting(FakeTelegram.Delivery::updateId).containsExactly(first, second);
		assertThat(telegram.deliveries()).allSatisfy(delivery -> assertThat(delivery.status()).isEqualTo(200));
		assertThat(telegram.calls("getUpdates")).as("no long polling beside the webhook").isEmpty();
		assertThat(telegram.calls("deleteWebhook")).isEmpty();
	}

	@Test
	void servedWithASelfSignedCertificateUploadsItSoTelegramTrustsIt() {
		String https = "https://127.0.0.1:" + port + TelegramWebhookController.PATH;
		start("--server.ssl.certificate=classpath:webhook/cert.pem",
				"--server.ssl.certificate-private-key=classpath:webhook/key.pem",
				"--frontdesk.telegram.webhook.url=" + https,
				"--frontdesk.telegram.webhook.certificate=src/test/resources/webhook/cert.pem");
		FakeTelegram.Call set = telegram.awaitCall("setWebhook", body -> true, WAIT);
		assertThat(set.body().path("certificate").path("file_name").asText()).isEqualTo("cert.pem");

		long chat = 7_000_000_007L;
		long update = telegram.sendText(chat, chat, "Ada", "how much is delivery");
		telegram.awaitMessage(chat, text -> text.contains("£"), WAIT);

		String secret = set.body().path("secret_token").asText();
		await().atMost(WAIT).untilAsserted(() -> assertThat(telegram.deliveries())
			.as("posted over HTTPS, trusting the uploaded certificate")
			.contains(new FakeTelegram.Delivery(update, secret, 200)));
	}

	@Test
	void refusesPostsWithoutTheSecretBeforeReadingThem() {
		start("--frontdesk.telegram.webhook.url=" + webhook, "--frontdesk.telegram.webhook.secret=" + SECRET);
		telegram.awaitCall("setWebhook", body -> true, WAIT);
		long chat = 7_000_000_002L;
		String forged = """
				{"update_id": 900001, "message": {"message_id": 1, "date": 1800000000,
				 "chat": {"id": %d, "type": "private", "first_name": "Ada"},
				 "from": {"id": %d, "is_bot": false, "first_name": "Ada"}, "text": "/human"}}""".formatted(chat, chat);

		assertThat(post(forged, null).statusCode()).isEqualTo(401);
		assertThat(post(forged, "a-wrong-secret").statusCode()).isEqualTo(401);
		assertThat(post(forged, SECRET.substring(1)).statusCode()).isEqualTo(401);
		telegram.sendText(chat, chat, "Ada", "how much is delivery");
		telegram.awaitMessage(chat, text -> text.contains("£"), WAIT);

		assertThat(telegram.sentTexts(chat)).as("the forged /human made no ticket and got no answer").hasSize(1);
		assertThat(telegram.calls("createForumTopic")).isEmpty();
	}

	@Test
	void answersAnUpdatePostedTwiceOnceAndKeepsOneItCannotRead() {
		start("--frontdesk.telegram.webhook.url=" + webhook, "--frontdesk.telegram.webhook.secret=" + SECRET);
		telegram.awaitCall("setWebhook", body -> true, WAIT);
		long chat = 7_000_000_003L;
		long update = telegram.sendText(chat, chat, "Ada", "how much is delivery");
		telegram.awaitMessage(chat, text -> text.contains("£"), WAIT);
		// the answer can come before Telegram has the 200 for the post: posted again only once that one is done
		telegram.awaitConfirmed(update, WAIT);
		telegram.resend(update);
		telegram.awaitConfirmed(update, WAIT);

		assertThat(post("{\"update_id\": 900002, \"message\": \"not a message\"}", SECRET).statusCode())
			.as("read as far as its id, kept, and Telegram goes on").isEqualTo(200);
		assertThat(post("not json", SECRET).statusCode()).isEqualTo(400);
		telegram.sendText(chat, chat, "Ada", "/help");
		telegram.awaitMessage(chat, text -> text.contains("/human"), WAIT);

		assertThat(telegram.deliveries()).filteredOn(delivery -> delivery.updateId() == update).hasSize(2);
		assertThat(telegram.sentTexts(chat)).hasSize(2);
		assertThat(bot.getBean(JdbcTemplate.class)
			.queryForObject("select payload from telegram_update where update_id = 900002", String.class))
			.contains("not a message");
	}

	@Test
	void whatTelegramKeptWhileTheBotWasDownIsAnsweredAfterTheRestart() {
		start("--frontdesk.telegram.webhook.url=" + webhook);
		String firstSecret = telegram.awaitCall("setWebhook", body -> true, WAIT).body().path("secret_token").asText();
		assertThat(firstSecret).as("worked out from the token when none is set")
			.isEqualTo(TelegramWebhook.secretOf(telegram.token()))
			.hasSizeGreaterThanOrEqualTo(32)
			.doesNotContain(telegram.token().substring(telegram.token().indexOf(':') + 1));
		bot.close();

		long chat = 7_000_000_004L;
		telegram.sendText(chat, chat, "Ada", "how much is delivery");
		await().atMost(WAIT).until(() -> telegram.deliveries().stream().anyMatch(delivery -> delivery.status() == 0));
		telegram.clearCalls();
		start("--frontdesk.telegram.webhook.url=" + webhook);
		telegram.awaitMessage(chat, text -> text.contains("£"), WAIT);

		String secondSecret = telegram.calls("setWebhook").get(0).body().path("secret_token").asText();
		assertThat(secondSecret).as("the same after a restart").isEqualTo(firstSecret);
		assertThat(telegram.sentTexts(chat)).hasSize(1);
		assertThat(telegram.deliveries()).as("none refused while the webhook was being set again")
			.allSatisfy(delivery -> assertThat(delivery.status()).isIn(0, 200));
	}

	@Test
	void longPollingAgainRemovesTheWebhookAndGetsWhatCameInBetween() {
		start("--frontdesk.telegram.webhook.url=" + webhook, "--frontdesk.telegram.webhook.secret=" + SECRET);
		telegram.awaitCall("setWebhook", body -> true, WAIT);
		bot.close();
		long chat = 7_000_000_005L;
		telegram.sendText(chat, chat, "Ada", "how much is delivery");

		start();
		telegram.awaitMessage(chat, text -> text.contains("£"), WAIT);

		assertThat(telegram.webhook()).isNull();
		assertThat(telegram.calls("deleteWebhook")).singleElement()
			.satisfies(call -> assertThat(call.body().path("drop_pending_updates").asBoolean(false)).isFalse());
		assertThat(post("{\"update_id\": 900003}", SECRET).statusCode()).as("no webhook endpoint while polling")
			.isEqualTo(404);
	}

	@Test
	void saysWhatTelegramReportsWhenItCannotPostToTheWebhookAndSetsAGoneWebhookAgain(CapturedOutput output) {
		String wrong = "http://127.0.0.1:" + port + "/telegram/wrong-path";
		start("--frontdesk.telegram.webhook.url=" + wrong, "--frontdesk.telegram.webhook.secret=" + SECRET);
		await().atMost(WAIT).until(() -> output.getAll().contains("Telegram is on: it posts updates to " + wrong));
		long chat = 7_000_000_006L;
		long update = telegram.sendText(chat, chat, "Ada", "how much is delivery");
		TelegramWebhook webhook = bot.getBean(TelegramWebhook.class);
		String said = "Telegram could not post updates to " + wrong
				+ ": Wrong response from the webhook: 404 (1 waiting)";

		await().atMost(WAIT).until(() -> {
			webhook.checkDeliveries();
			return output.getAll().contains(said);
		});

		assertThat(telegram.pendingUpdateIds()).containsExactly(update);

		deleteWebhookAsAnotherProgramWould();
		webhook.checkDeliveries();

		assertThat(output.getAll()).contains("Telegram's webhook is no longer " + wrong + " (none is set)");
		assertThat(telegram.calls("setWebhook")).hasSize(2);
		assertThat(telegram.webhook().url()).hasToString(wrong);
	}

	@Test
	void aSecretTelegramWouldRefuseStopsTheStartWithTheRule() {
		assertThatThrownBy(() -> start("--frontdesk.telegram.webhook.url=" + webhook,
				"--frontdesk.telegram.webhook.secret=my secret!"))
			.hasStackTraceContaining("frontdesk.telegram.webhook.secret")
			.hasStackTraceContaining("must be 1 to 256 letters, digits, _ and -");
	}

	@Test
	void aCertificateFileThatIsNotACertificateStopsTheStart() {
		for (String file : List.of("no-such-cert.pem", "src/test/resources/webhook/key.pem")) {
			assertThatThrownBy(() -> start("--frontdesk.telegram.webhook.url=" + webhook,
					"--frontdesk.telegram.webhook.certificate=" + file))
				.hasStackTraceContaining("must name a file holding the public certificate in PEM (cert.pem, not the "
						+ "private key): frontdesk.telegram.webhook.certificate");
		}
		assertThat(telegram.calls("setWebhook")).as("the private key never leaves").isEmpty();
	}

	@Test
	void anAddressTelegramsOwnServerWouldNotPostToStopsTheStart() {
		for (String url : List.of("http://bot.example.com/telegram/webhook",
				"https://bot.example.com:8080/telegram/webhook")) {
			assertThatThrownBy(() -> new SpringApplicationBuilder(Application.class).run(
					"--frontdesk.telegram.token=" + telegram.token(), "--frontdesk.data-dir=" + dataDir,
					"--server.port=" + port, "--frontdesk.telegram.webhook.url=" + url))
				.hasStackTraceContaining("frontdesk.telegram.webhook.url must be an https address on port 443, 80, 88 or "
						+ "8443, as Telegram posts to no other");
		}
	}

	private void deleteWebhookAsAnotherProgramWould() {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(telegram.url() + "/bot" + telegram.token() + "/deleteWebhook"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		assertThat(send(request).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> post(String json, String secret) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(webhook))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (secret != null) {
			request.header(TelegramWebhookController.SECRET_HEADER, secret);
		}
		return send(request.build());
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
