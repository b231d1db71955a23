package frontdesk;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A data folder given as a relative path ({@code --frontdesk.data-dir=data}, {@code FRONTDESK_DATADIR=data}) is taken
 * from the working folder: H2 refuses a relative file without {@code ./}, and every part of the app then reads the same
 * absolute folder.
 */
class DataFolder implements EnvironmentPostProcessor, Ordered {

	static final String SETTING = "frontdesk.data-dir";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String folder = environment.getProperty(SETTING);
		if (folder == null || folder.isBlank() || Path.of(folder).isAbsolute()) {
			return;
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource("frontdesk-data-folder",
					Map.of(SETTING, Path.of(folder).toAbsolutePath().normalize().toString())));
	}

	@Override
	public int getOrder() {
		// after the settings files are read
		return Ordered.LOWEST_PRECEDENCE;
	}
}
