package frontdesk.hours;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The business hours in force, from the settings.
 */
@Configuration(proxyBeanMethods = false)
class HoursConfiguration {

	/**
	 * The hours, checked for a promise that can be kept: a response time more than the open time of two years, or
	 * closed dates for as long, would leave every request for a person without one.
	 */
	@Bean
	BusinessHours businessHours(HoursSettings settings, ObjectProvider<Clock> clock) {
		BusinessHours hours = BusinessHours.of(settings);
		try {
			hours.plusOpenTime(clock.getIfAvailable(Clock::systemUTC).instant(), settings.responseTime());
		}
		catch (IllegalStateException ex) {
			// told at start as a setting to change, not as a stack trace
			throw new InvalidConfigurationPropertyValueException("frontdesk.hours.response-time",
					settings.responseTime(), "A request made now could not be promised an answer, because "
							+ settings.responseTime() + " of open time does not pass within two years; give a shorter "
							+ "response-time, or fewer frontdesk.hours.closed-dates");
		}
		return hours;
	}
}
