package org.mvtm.web.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mvtm.core.id.Usernames;
import org.mvtm.web.api.DeviceCookieKey;

/**
 * The known-device cookie: set when a user completes a sign-in, it tells the sign-in throttle that a later attempt
 * for the same login comes from a browser that signed in before, so an attacker elsewhere can neither slow nor lock
 * the real user there. Value: {@code base64url(login) "." deviceId "." expiresMillis "." hmacSha256}; HttpOnly,
 * SameSite=Strict, sent only to {@code /login} (and Secure when the request came over TLS).
 */
public final class KnownDevices {
    public static final String COOKIE = "mvtm-device";
    static final Duration LIFETIME = Duration.ofDays(90);

    private final byte[] key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public KnownDevices(DeviceCookieKey key, Clock clock) {
        this.key = key.secret();
        this.clock = clock;
    }

    /** The device id of a valid, unexpired cookie of {@code login} in this request, or empty. */
    public Optional<String> deviceOf(HttpServletRequest request, String login) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null || login == null) {
            return Optional.empty();
        }
        String wanted = normalise(login);
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName())) {
                Optional<String> device = verify(c.getValue(), wanted);
                if (device.isPresent()) {
                    return device;
                }
            }
        }
        return Optional.empty();
    }

    /** Sets a fresh cookie for {@code login} (after a completed sign-in). */
    public void remember(HttpServletRequest request, HttpServletResponse response, String login) {
        byte[] id = new byte[12];
        random.nextBytes(id);
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                normalise(login).getBytes(StandardCharsets.UTF_8)) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(id) + "."
                + clock.instant().plus(LIFETIME).toEpochMilli();
        Cookie cookie = new Cookie(COOKIE, payload + "." + sign(payload));
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setPath(request.getContextPath() + "/login");
        cookie.setMaxAge((int) LIFETIME.toSeconds());
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
    }

    private Optional<String> verify(String value, String login) {
        String[] parts = value == null ? new String[0] : value.split("\\.");
        if (parts.length != 4) {
            return Optional.empty();
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            String owner = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
            long expires = Long.parseLong(parts[2]);
            return owner.equals(login) && clock.millis() < expires ? Optional.of(parts[1]) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String normalise(String login) {
        return Usernames.normalized(login);
    }
}
