package frontdesk.matching;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the matcher by {@code frontdesk.matching.model}.
 */
@Configuration(proxyBeanMethods = false)
class MatchingConfiguration {

	@Bean
	MatcherFactory matcherFactory(MatchingSettings settings, ModelSettings models,
			@Value("${frontdesk.data-dir:./data}") Path dataDir) {
		return switch (models.model()) {
			case SEMANTIC -> new SemanticMatcherFactory(settings, models.encoder(), dataDir);
			case LEXICAL -> new LexicalMatcherFactory(settings);
		};
	}

}
