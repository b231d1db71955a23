package frontdesk;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import frontdesk.telegram.FakeTelegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code bin/frontdesk} on the packaged jar, as an owner runs it: the first run unpacks the jar and records the
 * class-data archive, later runs start from it, and the bot answers on the web chat and on Telegram (a fake Bot API
 * server) either way.
 */
class LauncherIT {

	static final Path PROJECT = Path.of("").toAbsolutePath();

	final Path work = PROJECT.resolve("target").resolve("launcher-it").resolve(String.valueOf(System.nanoTime()));

	final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	final FakeTelegram telegram = FakeTelegram.start();

	Process running;

	@AfterEach
	void stop() throws InterruptedException {
		if (running != null && running.isAlive()) {
			running.destroy();
			running.waitFor();
		}
		telegram.close();
	}

	@Test
	void startsFromTheArchiveAfterTheFirstRunAndAnswers() throws Exception {
		Path data = work.resolve("data");
		int port = freePort();

		Path firstLog = start(data, port, "first.log", Map.of());
		waitFor(firstLog, (log) -> log.contains("The matcher is ready"));
		String first = Files.readString(firstLog);
		assertThat(first).contains("Unpacking", "Recording the classes Frontdesk starts with",
				"Starting AOT-processed Application");
		assertThat(ask(port, "my new lamp arrived smashed to pieces")).contains("arrived like that");
		telegram.sendText(7_000_000_001L, 7_000_000_001L, "Ada", "how much is delivery");
		telegram.awaitMessage(7_000_000_001L, (text) -> text.contains("£"), Duration.ofSeconds(30));
		running.destroy();
		assertThat(running.waitFor()).isEqualTo(143);

		List<Path> archives;
		try (var files = Files.walk(data.resolve("start"))) {
			archives = files.filter((file) -> file.getFileName().toString().equals("frontdesk.jsa")).toList();
		}
		assertThat(archives).hasSize(1);
		assertThat(Files.size(archives.get(0))).isGreaterThan(10_000_000L);

		Path classes = work.resolve("classes.log");
		// the second start in webhook mode, set as a business would, in the environment
		String webhook = "http://127.0.0.1:" + port + "/telegram/webhook";
		Path secondLog = start(data, port, "second.log", Map.of("FRONTDESK_TELEGRAM_WEBHOOK_URL", webhook),
				"-Xlog:class+load=info:file=" + classes);
		waitFor(secondLog, (log) -> log.contains("The matcher is ready"));
		String second = Files.readString(secondLog);
		assertThat(second).doesNotContain("Unpacking", "Recording the classes").contains("Starting AOT-processed");
		assertThat(Files.readString(classes)).contains("frontdesk.Application source: shared objects file (top)");
		assertThat(ask(port, "can I pay with apple pay")).contains("Apple Pay");
		long update = telegram.sendText(7_000_000_002L, 7_000_000_002L, "Grace", "do you ship to canada");
		telegram.awaitMessage(7_000_000_002L, (text) -> text.contains("27 EU countries"), Duration.ofSeconds(30));
		assertThat(telegram.webhook().url()).hasToString(webhook);
		// the fake records the post once the app's answer reaches it, which may be after the reply
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(telegram.deliveries())
			.contains(new FakeTelegram.Delivery(update, telegram.webhook().secret(), 200)));
	}

	private Path start(Path data, int port, String logName, Map<String, String> environment, String... javaOptions)
			throws IOException {
		Files.createDirectories(work);
		Path log = work.resolve(logName);
		List<String> command = new ArrayList<>(List.of(PROJECT.resolve("bin").resolve("frontdesk").toString(),
				"--server.port=" + port, "--frontdesk.data-dir=" + data,
				"--frontdesk.intents.dir=" + PROJECT.resolve("intents")));
		// the token as the README's quick start gives it, in the environment; the rest points the app at the fake
		telegram.arguments().stream().filter((argument) -> !argument.contains(".token=")).forEach(command::add);
		ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("FRONTDESK_JAR", PROJECT.resolve("target").resolve("frontdesk.jar").toString());
		builder.environment().put("JAVA_OPTS", String.join(" ", javaOptions));
		builder.environment().put("TELEGRAM_BOT_TOKEN", telegram.token());
		builder.environment().putAll(environment);
		running = builder.start();
		return log;
	}

	private void waitFor(Path log, Predicate<String> condition) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		while (!Files.exists(log) || !condition.test(Files.readString(log))) {
			assertThat(running.isAlive()).as("the app stopped; its log:%n%s", Files.exists(log) ? Files.readString(log) : "")
				.isTrue();
			assertThat(Instant.now()).as("waited 3 minutes").isBefore(deadline);
			Thread.sleep(200);
		}
	}

	/** What the bot answers on the web chat. */
	private String ask(int port, String text) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/chat/lines"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + text + "\"}"))
			.build();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
