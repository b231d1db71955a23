package frontdesk.conversation;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How conversations go.
 *
 * @param startSuggestions intents offered as buttons under the greeting; when empty, the first few answerable ones
 * @param longText texts longer than this many characters that the bot cannot answer get a note asking for a short
 * question
 * @param acknowledgeEvery while a customer waits for a person, how often at most the bot acknowledges a message it
 * cannot answer itself
 * @param idleTimeout a conversation with the bot closes after this long with no customer message
 * @param staffIdleTimeout a conversation a person holds closes after this long with no message from either side (one
 * waiting for a person is never closed for being quiet)
 * @param idleCheckEvery how often quiet conversations are looked for
 * @param upsetWords words and phrases that show a customer is upset (a trailing {@code *} stands for any ending); the
 * bot then offers a person, as it does to a customer who writes in capitals
 */
@Validated
@ConfigurationProperties("frontdesk.conversation")
public record ConversationSettings(@DefaultValue List<String> startSuggestions, @DefaultValue("600") int longText,
		@DefaultValue("5m") Duration acknowledgeEvery, @DefaultValue("PT30M") Duration idleTimeout,
		@DefaultValue("P1D") Duration staffIdleTimeout, @DefaultValue("PT1M") Duration idleCheckEvery,
		@DefaultValue List<String> upsetWords) {
}
