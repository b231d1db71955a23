package frontdesk.staff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the staff side works.
 *
 * @param showNames whether customers see who answers them ("Grace: …") or just the text
 */
@ConfigurationProperties("frontdesk.staff")
public record StaffSettings(@DefaultValue("true") boolean showNames) {
}
