package frontdesk.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The web chat.
 *
 * @param cookieSecret the key that signs visitors' cookies; when empty, one is made and kept in the data folder
 * @param cookieMaxAge how long a visitor is remembered
 * @param cookieSameSite the cookie's SameSite: {@code Lax} for the chat on its own page; {@code None} (which needs
 * HTTPS) for the widget on another site
 * @param cookieSecure whether the cookie goes over HTTPS only
 * @param history lines a page shows when it opens
 */
@Validated
@ConfigurationProperties("frontdesk.web")
record WebSettings(@DefaultValue("") String cookieSecret, @DefaultValue("P365D") Duration cookieMaxAge,
		@DefaultValue("Lax") String cookieSameSite, @DefaultValue("false") boolean cookieSecure,
		@DefaultValue("200") int history) {

	WebSettings {
		if ("None".equalsIgnoreCase(cookieSameSite) && !cookieSecure) {
			// browsers drop such a cookie, and every request would be a new visitor
			throw new IllegalArgumentException(
					"frontdesk.web.cookie-same-site=None needs frontdesk.web.cookie-secure=true (and HTTPS)");
		}
	}
}
