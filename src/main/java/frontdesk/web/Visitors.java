package frontdesk.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Who a visitor of the web chat is: an id of their own in a cookie signed with HMAC-SHA256, so no one can pose as
 * another visitor by editing the cookie.
 */
@Component
class Visitors {

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	static final String COOKIE = "frontdesk_visitor";

	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	private final byte[] key;

	private final WebSettings settings;

	Visitors(WebSettings settings, @Value("${frontdesk.data-dir:./data}") Path dataDir) {
		this.settings = settings;
		this.key = settings.cookieSecret().isEmpty() ? storedKey(dataDir.resolve("web-cookie.key"))
				: settings.cookieSecret().getBytes(StandardCharsets.UTF_8);
	}

	/** The visitor the request comes from, if its cookie is theirs. */
	Optional<String> of(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return Optional.empty();
		}
		for (Cookie cookie : request.getCookies()) {
			if (COOKIE.equals(cookie.getName())) {
				return verify(cookie.getValue());
			}
		}
		return Optional.empty();
	}

	/** The visitor of the request, or a new one, who gets their cookie with the response. */
	String ofOrNew(HttpServletRequest request, HttpServletResponse response) {
		return of(request).orElseGet(() -> {
			String visitor = UUID.randomUUID().toString();
			ResponseCookie cookie = ResponseCookie.from(COOKIE, sign(visitor))
				.httpOnly(true)
				.secure(settings.cookieSecure())
				.sameSite(settings.cookieSameSite())
				// in a frame on another site, a partitioned cookie belongs to that site's widget alone
				.partitioned("None".equalsIgnoreCase(settings.cookieSameSite()))
				.path("/")
				.maxAge(settings.cookieMaxAge())
				.build();
			response.addHeader("Set-Cookie", cookie.toString());
			return visitor;
		});
	}

	String sign(String visitor) {
		return visitor + "." + BASE64.encodeToString(mac(visitor));
	}

	Optional<String> verify(String value) {
		int dot = value.lastIndexOf('.');
		if (dot <= 0) {
			return Optional.empty();
		}
		String visitor = value.substring(0, dot);
		byte[] expected = mac(visitor);
		byte[] given;
		try {
			given = Base64.getUrlDecoder().decode(value.substring(dot + 1));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		return MessageDigest.isEqual(expected, given) ? Optional.of(visitor) : Optional.empty();
	}

	private byte[] mac(String visitor) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(visitor.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The key kept in the data folder, made on first use, so visitors are known again after a restart; readable by the
	 * account that runs Frontdesk alone, where the file system knows owners (a key kept by an earlier version too).
	 */
	static byte[] storedKey(Path file) {
		try {
			if (Files.exists(file)) {
				closeUp(file);
				return Files.readAllBytes(file);
			}
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			Files.createDirectories(file.getParent());
			// written whole under another name (a temporary file is its owner's alone), then put in place, so that a
			// crash never leaves half a key
			Path part = Files.createTempFile(file.getParent(), "web-cookie", ".part");
			Files.write(part, key);
			Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read or make the web chat's cookie key " + file, ex);
		}
	}

	/**
	 * Makes a key file readable by its owner alone, where the file system knows owners; one of another account's is
	 * read as it is.
	 */
	private static void closeUp(Path file) {
		if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			return;
		}
		try {
			Files.setPosixFilePermissions(file, OWNER_ONLY);
		}
		catch (IOException ex) {
			// not this account's file to change
		}
	}
}
