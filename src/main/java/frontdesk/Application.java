package frontdesk;

import java.time.Clock;
import java.util.Arrays;

import frontdesk.console.HashPasswordCommand;
import frontdesk.matching.EvaluateCommand;
import frontdesk.telegram.PipelineBenchmark;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.resilience.annotation.EnableResilientMethods;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Frontdesk: a customer-service bot that answers from intent files and hands over to staff.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@EnableAsync
@EnableResilientMethods
public class Application {

	/**
	 * Starts the bot, or runs one of the commands: {@code evaluate} (see {@link EvaluateCommand}), {@code bench}
	 * (see {@link PipelineBenchmark}) or {@code hash-password} (see {@link HashPasswordCommand}).
	 */
	public static void main(String[] args) throws Exception {
		String command = args.length > 0 ? args[0] : "";
		String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
		switch (command) {
			case "evaluate" -> System.exit(EvaluateCommand.run(System.out, rest));
			case "bench" -> System.exit(PipelineBenchmark.run(Application.class, System.out, rest));
			case "hash-password" -> System.exit(HashPasswordCommand.run(rest));
			default -> SpringApplication.run(Application.class, args);
		}
	}

	/** The one clock all of Frontdesk reads the time from. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}
}
