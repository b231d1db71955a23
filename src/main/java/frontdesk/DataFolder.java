package frontdesk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A data folder given as a relative path ({@code --frontdesk.data-dir=data}, {@code FRONTDESK_DATADIR=data}) is taken
 * from the working folder: H2 refuses a relative file without {@code ./}, and every part of the app then reads the same
 * absolute folder. A data folder without the H2 database is said at start, as a mistyped folder would otherwise start
 * an empty database without a word.
 */
class DataFolder implements EnvironmentPostProcessor, Ordered {

	static final String SETTING = "frontdesk.data-dir";

	static final String DEFAULT = "./data";

	/** The H2 file in the data folder, unless another database is set. */
	static final String DATABASE = "frontdesk.mv.db";

	private final Log log;

	DataFolder(DeferredLogFactory logs) {
		this.log = logs.getLog(DataFolder.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String folder = environment.getProperty(SETTING, DEFAULT);
		if (folder.isBlank()) {
			return;
		}
		Path path = Path.of(folder).toAbsolutePath().normalize();
		// the H2 file in the data folder, not another database set by FRONTDESK_DB_URL
		if (environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2:file:" + folder + "/frontdesk;")
				&& !Files.exists(path.resolve(DATABASE))) {
			log.warn("There is no " + DATABASE + " in the data folder " + path + ": Frontdesk starts with a new, "
					+ "empty database there. Right for a first start; otherwise stop now and set frontdesk.data-dir "
					+ "(or FRONTDESK_DATADIR) to the folder that holds your " + DATABASE + ".");
		}
		if (!Path.of(folder).isAbsolute()) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("frontdesk-data-folder", Map.of(SETTING, path.toString())));
		}
	}

	@Override
	public int getOrder() {
		// after the settings files are read
		return Ordered.LOWEST_PRECEDENCE;
	}
}
