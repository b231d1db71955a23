package frontdesk.rating;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How ratings are taken.
 *
 * @param expiresAfter how long after it is asked a rating question can be answered
 * @param commentWindow how long after a rating the customer's next text is taken as their comment
 */
@Validated
@ConfigurationProperties("frontdesk.rating")
public record RatingSettings(@DefaultValue("P7D") Duration expiresAfter, @DefaultValue("PT10M") Duration commentWindow) {
}
