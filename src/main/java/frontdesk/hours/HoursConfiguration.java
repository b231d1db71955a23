package frontdesk.hours;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The business hours in force, from the settings.
 */
@Configuration(proxyBeanMethods = false)
class HoursConfiguration {

	@Bean
	BusinessHours businessHours(HoursSettings settings) {
		return BusinessHours.of(settings);
	}
}
