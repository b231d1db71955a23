package frontdesk.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.telegram.telegrambots.meta.api.objects.User;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Telegram channel.
 *
 * @param token the bot token from @BotFather; Telegram is off without one
 * @param apiUrl the Bot API server: Telegram's own, a self-hosted one, or a test double
 * @param pollTimeout how long one long-polling request waits for updates
 * @param staffChatId the staff group: a supergroup with topics, where the bot is an admin allowed to manage topics
 * @param outbox how replies are paced and retried
 * @param webhook where Telegram posts updates, in place of long polling
 */
@Validated
@ConfigurationProperties("frontdesk.telegram")
public record TelegramSettings(String token, @NotNull @DefaultValue("https://api.telegram.org") URI apiUrl,
		@NotNull @DefaultValue("50s") Duration pollTimeout, Long staffChatId, @Valid @DefaultValue OutboxSettings outbox,
		@Valid @DefaultValue WebhookSettings webhook) {

	public boolean enabled() {
		return token != null && !token.isBlank();
	}

	/** The bot's id, which its token starts with ({@code 123456:ABC…}); {@code null} for a token not shaped so. */
	Long botId() {
		String[] parts = enabled() ? token.strip().split(":", 2) : new String[0];
		try {
			return parts.length == 2 ? Long.valueOf(parts[0]) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** Whether the user is this bot. */
	boolean isThisBot(User user) {
		return user != null && user.getId().equals(botId());
	}

	/**
	 * Whether Telegram's own server can post to the webhook: it takes only HTTPS on ports 443, 80, 88 and 8443 (a
	 * self-hosted Bot API server also takes others).
	 */
	@AssertTrue(message = "frontdesk.telegram.webhook.url must be an https address on port 443, 80, 88 or 8443, as "
			+ "Telegram posts to no other")
	boolean isWebhookUrlAcceptedByTelegram() {
		URI url = webhook.url();
		if (url == null || !"api.telegram.org".equalsIgnoreCase(apiUrl.getHost())) {
			return true;
		}
		return "https".equalsIgnoreCase(url.getScheme()) && List.of(-1, 443, 80, 88, 8443).contains(url.getPort());
	}

	/** Whether Telegram posts updates to the webhook rather than the bot asking for them. */
	boolean webhookMode() {
		return enabled() && webhook.url() != null;
	}

	/**
	 * Pacing and retries of outgoing messages, within Telegram's limits.
	 *
	 * @param perSecond messages per second over all chats
	 * @param perChatPerSecond messages per second to one chat, after a short burst
	 * @param perChatBurst messages that may go to one chat at once
	 * @param perGroupPerMinute messages per minute to one group
	 * @param senders requests to Telegram in flight at once (to different chats)
	 * @param maxBackoff longest wait between retries after network errors and server errors
	 * @param giveUpAfter how long a message is retried after network errors and server errors
	 */
	public record OutboxSettings(@Min(1) @DefaultValue("30") int perSecond, @Min(1) @DefaultValue("1") int perChatPerSecond,
			@Min(1) @DefaultValue("3") int perChatBurst, @Min(1) @DefaultValue("20") int perGroupPerMinute,
			@Min(1) @DefaultValue("4") int senders, @NotNull @DefaultValue("5m") Duration maxBackoff,
			@NotNull @DefaultValue("1d") Duration giveUpAfter) {
	}

	/**
	 * Webhook mode: Telegram posts each update to {@code /telegram/webhook} of the app's web server.
	 *
	 * @param url the address at which Telegram reaches that path: HTTPS on port 443, 80, 88 or 8443, usually through
	 * a reverse proxy; long polling when it is not set
	 * @param secret what Telegram sends in every post's {@code X-Telegram-Bot-Api-Secret-Token} header, 1 to 256
	 * letters, digits, {@code _} and {@code -}; worked out from the bot token when it is not set
	 * @param certificate the public certificate (PEM) of a self-signed certificate the address is served with, sent to
	 * Telegram with the webhook so that it trusts it; none for a certificate from a certificate authority
	 */
	public record WebhookSettings(URI url,
			@Pattern(regexp = "[A-Za-z0-9_-]{1,256}", message = "must be 1 to 256 letters, digits, _ and -") String secret,
			Path certificate) {

		@AssertTrue(message = "must name a file holding the public certificate in PEM (cert.pem, not the private key): "
				+ "frontdesk.telegram.webhook.certificate")
		boolean isCertificateACertificate() {
			if (certificate == null) {
				return true;
			}
			try (InputStream in = Files.newInputStream(certificate)) {
				CertificateFactory.getInstance("X.509").generateCertificate(in);
				return true;
			}
			catch (IOException | GeneralSecurityException ex) {
				return false;
			}
		}
	}
}
