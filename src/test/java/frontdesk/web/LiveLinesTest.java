package frontdesk.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

/**
 * The open chat pages a server keeps streams for are bounded, per visitor, per address and in all, so that opening
 * streams cannot take the server's memory; a page whose reader went away is found by the next beat.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LiveLinesTest {

	@Autowired
	Visitors visitors;

	@Autowired
	LiveLines live;

	@LocalServerPort
	int port;

	private final List<Socket> streams = new ArrayList<>();

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("frontdesk.data-dir", () -> "./target/test-data/live-lines-" + UUID.randomUUID());
		registry.add("frontdesk.matching.model", () -> "lexical");
	}

	@AfterEach
	void closeStreams() throws IOException {
		for (Socket stream : streams) {
			stream.close();
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			live.beat();
			return live.openPages() == 0;
		});
	}

	/** Asks for the event stream as the visitor (none without a cookie), and reads the status line and the headers. */
	private StreamAnswer open(String visitor) throws IOException {
		Socket socket = new Socket("127.0.0.1", port);
		streams.add(socket);
		socket.setSoTimeout(10_000);
		String cookie = (visitor == null) ? "" : "Cookie: " + Visitors.COOKIE + "=" + visitors.sign(visitor) + "\r\n";
		OutputStream out = socket.getOutputStream();
		out.write(("GET /api/chat/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n" + cookie + "\r\n")
			.getBytes(StandardCharsets.US_ASCII));
		out.flush();
		BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
		String status = in.readLine();
		for (String header = in.readLine(); header != null && !header.isEmpty();) {
			header = in.readLine();
		}
		return new StreamAnswer(Integer.parseInt(status.split(" ")[1]), in);
	}

	private record StreamAnswer(int status, BufferedReader body) {

		/** Whether the stream ended (the server closed it), reading what came before. */
		boolean ended() throws IOException {
			for (String line = body.readLine(); line != null; line = body.readLine()) {
				if (line.equals("0")) {
					return true;
				}
			}
			return true;
		}
	}

	@Test
	void aStreamIsForAVisitorThePageAlreadyKnows() throws IOException {
		assertThat(open(null).status()).isEqualTo(403);
		assertThat(open(UUID.randomUUID().toString()).status()).isEqualTo(200);
	}

	@Test
	void aVisitorsNewestPagesKeepTheirStreamsAndTheOldestEnds() throws IOException {
		String visitor = UUID.randomUUID().toString();
		StreamAnswer oldest = open(visitor);
		for (int i = 0; i < LiveLines.MAX_PER_VISITOR; i++) {
			assertThat(open(visitor).status()).isEqualTo(200);
		}

		assertThat(oldest.ended()).isTrue();
		await().atMost(Duration.ofSeconds(10)).until(() -> live.openPages() == LiveLines.MAX_PER_VISITOR);
	}

	@Test
	void oneAddressOpensSoManyStreamsAndNoMore() throws IOException {
		for (int i = 0; i < LiveLines.MAX_PER_ADDRESS; i++) {
			assertThat(open(UUID.randomUUID().toString()).status()).isEqualTo(200);
		}

		assertThat(open(UUID.randomUUID().toString()).status()).isEqualTo(429);

		streams.remove(0).close();
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			live.beat();
			return live.openPages() < LiveLines.MAX_PER_ADDRESS;
		});
		assertThat(open(UUID.randomUUID().toString()).status()).as("a page that went away freed its place")
			.isEqualTo(200);
	}

	@Test
	void aStreamTheServerEndedJustBeforeItFailedDoesNotStopTheBeat() {
		// as the web server does when it saw the reader go away a moment before the beat wrote to the stream
		SseEmitter endedMeanwhile = new SseEmitter() {
			@Override
			public void send(SseEventBuilder builder) throws IOException {
				throw new IOException("Broken pipe");
			}

			@Override
			public synchronized void completeWithError(Throwable ex) {
				throw new IllegalStateException("A non-container (application) thread attempted to use the AsyncContext "
						+ "after an error had occurred");
			}
		};

		assertThatCode(() -> LiveLines.send(endedMeanwhile, SseEmitter.event().comment("beat"))).doesNotThrowAnyException();
	}
}
