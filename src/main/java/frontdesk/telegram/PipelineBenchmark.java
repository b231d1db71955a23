package frontdesk.telegram;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import frontdesk.intent.Intent;
import frontdesk.intent.IntentLoader;
import frontdesk.intent.InvalidIntentsException;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * {@code java -jar frontdesk.jar bench [--updates N] [--chats N] [--intents DIR]}: pushes Telegram updates through the
 * whole pipeline (store the update and the message, match, decide, store the reply, queue it in the outbox) on a fresh
 * H2 file database in a scratch folder, deleted afterwards, as fast as it goes, with Telegram replaced by an in-memory
 * sink. Prints updates per second and the latency of one update.
 */
public final class PipelineBenchmark {

	static final String USAGE = "usage: bench [--updates N] [--chats N] [--intents DIR]";

	private static final Set<String> OPTIONS = Set.of("updates", "chats", "intents");

	private static final String[] NOISE = { "hello can you help", "asdf qwerty", "is it going to rain tomorrow",
			"my cat ate the parcel", "/start", "/help", "I need the thing for the stuff", "/end" };

	private PipelineBenchmark() {
	}

	/**
	 * Runs the benchmark and returns the process exit code.
	 * @param application the application's main class
	 * @param out where the figures go
	 * @param args the command's arguments
	 */
	public static int run(Class<?> application, PrintStream out, String... args) throws InterruptedException {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--") || i + 1 == args.length || !OPTIONS.contains(args[i].substring(2))) {
				out.println(USAGE);
				return 2;
			}
			options.put(args[i].substring(2), args[++i]);
		}
		Path intents = Path.of(options.getOrDefault("intents", "intents"));
		int updates;
		int chats;
		try {
			updates = count(options, "updates", 20_000);
			chats = count(options, "chats", 500);
		}
		catch (IllegalArgumentException ex) {
			out.println(ex.getMessage());
			return 1;
		}
		if (!Files.isDirectory(intents)) {
			out.println("No intents folder at " + intents.toAbsolutePath() + "; give one with --intents DIR");
			return 1;
		}
		Path data = null;
		try {
			data = Files.createTempDirectory("frontdesk-bench");
			run(application, out, updates, chats, intents, data);
			return 0;
		}
		catch (InvalidIntentsException ex) {
			out.println(ex.getMessage());
			return 1;
		}
		catch (IOException ex) {
			out.println("Cannot run the benchmark: " + ex);
			return 1;
		}
		finally {
			if (data != null) {
				FileSystemUtils.deleteRecursively(data.toFile());
			}
		}
	}

	private static void run(Class<?> application, PrintStream out, int updates, int chats, Path intents, Path data)
			throws IOException, InterruptedException {
		List<Update> warmUp = updates(intents, Math.min(updates, 5_000), chats, 1, new Random(1));
		List<Update> measured = updates(intents, updates, chats, 1_000_000, new Random(2));
		AtomicLong sunk = new AtomicLong();
		BotApi sink = new BotApi() {
			@Override
			@SuppressWarnings("unchecked")
			public <T extends Serializable, M extends BotApiMethod<T>> T execute(M method) {
				sunk.incrementAndGet();
				Message message = new Message();
				message.setMessageId((int) sunk.get());
				message.setChat(new Chat(1L, "private"));
				return (T) message;
			}
		};

		out.printf("Frontdesk pipeline benchmark: %,d updates from %,d chats, intents from %s, H2 file database "
				+ "in %s, %d cores%n", updates, chats, intents, data, Runtime.getRuntime().availableProcessors());
		// the app's start-up warnings (a new data folder, Telegram off) are the bench's own doing, not news
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.web(WebApplicationType.NONE)
			.initializers(ctx -> ctx.getBeanFactory().registerSingleton("botApi", sink))
			.run("--frontdesk.data-dir=" + data.toAbsolutePath(), "--frontdesk.intents.dir=" + intents.toAbsolutePath(),
					"--frontdesk.telegram.token=", "--frontdesk.matching.wait-for-model=true",
					"--spring.main.keep-alive=false", "--logging.level.root=warn",
					"--logging.level.frontdesk=error", "--frontdesk.telegram.outbox.per-second=1000000",
					"--frontdesk.telegram.outbox.per-chat-per-second=1000000",
					"--frontdesk.telegram.outbox.per-chat-burst=1000000")) {
			UpdateHandler handler = context.getBean(UpdateHandler.class);
			OutboxSender sender = context.getBean(OutboxSender.class);
			OutboxRepository outbox = context.getBean(OutboxRepository.class);

			warmUp.forEach(handler::handle);
			long[] latencies = new long[measured.size()];
			long started = System.nanoTime();
			for (int i = 0; i < measured.size(); i++) {
				long t0 = System.nanoTime();
				handler.handle(measured.get(i));
				latencies[i] = System.nanoTime() - t0;
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			Arrays.sort(latencies);
			out.printf("pipeline: %,d updates in %.2f s = %,.0f updates/s; latency p50 %.2f ms, p90 %.2f ms, "
					+ "p99 %.2f ms, max %.2f ms%n", measured.size(), seconds, measured.size() / seconds,
					percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99),
					latencies[latencies.length - 1] / 1e6);

			long queued = outbox.countByStatus(OutboxMessage.Status.PENDING);
			long drainStart = System.nanoTime();
			sender.start();
			while (outbox.countByStatus(OutboxMessage.Status.PENDING) > 0) {
				Thread.sleep(50);
			}
			double drained = (System.nanoTime() - drainStart) / 1e9;
			sender.stop();
			out.printf("outbox: %,d queued requests sent to the sink in %.2f s = %,.0f requests/s "
					+ "(Telegram's own limits lifted)%n", queued, drained, queued / drained);
			// heap in use depends on when the collector last ran; the live heap after a full collection compares runs
			Runtime runtime = Runtime.getRuntime();
			long used = runtime.totalMemory() - runtime.freeMemory();
			String rss = rss();
			System.gc();
			long live = runtime.totalMemory() - runtime.freeMemory();
			out.printf("memory: heap used %,d MB, live after a full collection %,d MB, RSS %s%n", used >> 20,
					live >> 20, rss);
		}
	}

	/**
	 * Customer texts drawn from the examples of the intents the bot answers, with some it cannot answer, commands and
	 * button presses. Requests for a person are left out: with no staff to answer them, every later message of those
	 * conversations would wait for a person, far more than in real traffic.
	 */
	private static List<Update> updates(Path intents, int count, int chats, int firstId, Random random)
			throws IOException {
		ObjectMapper json = TelegramConfiguration.JSON;
		List<Intent> all = IntentLoader.load(intents)
			.intents()
			.stream()
			.filter(intent -> intent.action() == Intent.Action.ANSWER)
			.toList();
		List<Update> updates = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			long chat = 1_000_000_000L + random.nextInt(chats);
			ObjectNode update = json.createObjectNode().put("update_id", firstId + i);
			ObjectNode from = json.createObjectNode().put("id", chat).put("is_bot", false).put("first_name", "Customer");
			int kind = random.nextInt(10);
			if (kind == 0) {
				Intent intent = all.get(random.nextInt(all.size()));
				update.putObject("callback_query")
					.put("id", "q" + i)
					.put("data", "i:" + intent.id())
					.put("chat_instance", "c")
					.set("from", from);
				ObjectNode message = ((ObjectNode) update.get("callback_query")).putObject("message");
				message.put("message_id", 1).put("date", 1_800_000_000);
				message.putObject("chat").put("id", chat).put("type", "private");
			}
			else {
				String text;
				if (kind == 1) {
					text = NOISE[random.nextInt(NOISE.length)];
				}
				else {
					Intent intent = all.get(random.nextInt(all.size()));
					text = intent.examples().get(random.nextInt(intent.examples().size()));
				}
				ObjectNode message = update.putObject("message");
				message.put("message_id", i).put("date", 1_800_000_000).put("text", text).set("from", from);
				message.putObject("chat").put("id", chat).put("type", "private");
			}
			updates.add(json.treeToValue(update, Update.class));
		}
		return updates;
	}

	private static double percentile(long[] sorted, int percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

	private static String rss() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmRSS:")) {
					return line.substring(6).strip();
				}
			}
		}
		catch (IOException ex) {
			// not on Linux
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / (1 << 20) + " MB committed heap";
	}

	/** The whole number above 0 an option gives; the given one when the option is absent. */
	private static int count(Map<String, String> options, String option, int absent) {
		String value = options.get(option);
		if (value == null) {
			return absent;
		}
		try {
			int count = Integer.parseInt(value);
			if (count > 0) {
				return count;
			}
		}
		catch (NumberFormatException ex) {
			// told below
		}
		throw new IllegalArgumentException("--" + option + " must be a whole number above 0, such as " + absent
				+ ", not '" + value + "'");
	}
}
