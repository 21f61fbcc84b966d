package org.mvtm.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.mvtm.web.api.DeviceCookieKey;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The known-device cookie vouches for one login, cannot be forged or moved to another login, and expires. */
class KnownDevicesTest {
    final DeviceCookieKey key = DeviceCookieKey.random();
    final Instant start = Instant.parse("2026-11-23T09:00:00Z");

    private Cookie issued(KnownDevices devices, String login) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        devices.remember(new MockHttpServletRequest("POST", "/login"), response, login);
        Cookie c = response.getCookie(KnownDevices.COOKIE);
        assertThat(c).isNotNull();
        assertThat(c.isHttpOnly()).isTrue();
        assertThat(c.getPath()).isEqualTo("/login");
        return c;
    }

    private static MockHttpServletRequest with(Cookie c) {
        MockHttpServletRequest r = new MockHttpServletRequest("POST", "/login");
        r.setCookies(c);
        return r;
    }

    @Test
    void aCookieVouchesForItsOwnLoginOnlyAndExpires() {
        KnownDevices devices = new KnownDevices(key, Clock.fixed(start, ZoneOffset.UTC));
        Cookie c = issued(devices, "Ada");
        assertThat(devices.deviceOf(with(c), " ada")).isPresent();
        assertThat(devices.deviceOf(with(c), "sam")).as("another login").isEmpty();
        KnownDevices later = new KnownDevices(key,
                Clock.fixed(start.plus(KnownDevices.LIFETIME).plus(Duration.ofSeconds(1)), ZoneOffset.UTC));
        assertThat(later.deviceOf(with(c), "ada")).as("expired").isEmpty();
    }

    @Test
    void aForgedOrForeignCookieIsNotAKnownDevice() {
        KnownDevices devices = new KnownDevices(key, Clock.fixed(start, ZoneOffset.UTC));
        Cookie c = issued(devices, "ada");
        String[] parts = c.getValue().split("\\.");
        String sam = Base64.getUrlEncoder().withoutPadding().encodeToString("sam".getBytes(StandardCharsets.UTF_8));
        Cookie moved = new Cookie(KnownDevices.COOKIE, sam + "." + parts[1] + "." + parts[2] + "." + parts[3]);
        assertThat(devices.deviceOf(with(moved), "sam")).as("re-addressed to another login").isEmpty();
        KnownDevices otherKey = new KnownDevices(DeviceCookieKey.random(), Clock.fixed(start, ZoneOffset.UTC));
        assertThat(otherKey.deviceOf(with(c), "ada")).as("signed with another key").isEmpty();
        assertThat(devices.deviceOf(with(new Cookie(KnownDevices.COOKIE, "garbage")), "ada")).isEmpty();
    }
}
