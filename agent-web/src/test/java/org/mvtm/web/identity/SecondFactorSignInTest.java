package org.mvtm.web.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mvtm.admin.api.SecondFactorRecords;
import org.mvtm.core.signin.ThrottleSettings;
import org.mvtm.core.time.MutableClock;
import org.mvtm.web.api.InMemorySecondFactors;
import org.mvtm.web.api.SecondFactorSettings;
import org.mvtm.webtest.Browserless;
import org.mvtm.webtest.MovingClock;
import org.mvtm.webtest.WebTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An administrator's password alone does not sign in: the first time, the page shows a new TOTP secret and its
 * otpauth URI and a code from it completes enrolment; afterwards a current code is asked for, a wrong or replayed
 * code is refused. Advisors sign in with their password only. An account locked by an attacker's guesses still
 * signs in with its password and a current code (issue 15 finding 3). Codes are computed from the clock the server
 * uses (injected, so the attacker's waits take no time); addresses come through X-Forwarded-For.
 */
@SpringBootTest(classes = {WebTestApplication.class, SecondFactorSignInTest.Required.class, MovingClock.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.forward-headers-strategy=native")
class SecondFactorSignInTest {
    /** Not a @Configuration: WebTierConfiguration scans org.mvtm.web, and this must not reach other tests' contexts. */
    static class Required {
        @Bean
        SecondFactorSettings secondFactorSettings() {
            return new SecondFactorSettings(true, "Bank CC");
        }

        @Bean
        SecondFactorRecords secondFactorStore() {
            return new InMemorySecondFactors();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    SecondFactorRecords store;
    @Autowired
    MutableClock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void adminEnrolsOnFirstSignInThenNeedsAFreshCodeEachTime() throws Exception {
        Browserless first = new Browserless(port);
        assertThat(first.login("root", WebTestApplication.PASSWORD)).endsWith("/login/second-factor");
        assertThat(first.get("/api/me").statusCode()).as("the password alone does not sign in").isEqualTo(401);
        assertThat(first.get("/login/second-factor").statusCode()).isEqualTo(200);
        JsonNode state = json.readTree(first.get("/login/second-factor/state").body());
        assertThat(state.path("enrolled").asBoolean()).isFalse();
        assertThat(state.path("otpauthUri").asString()).startsWith("otpauth://totp/Bank%20CC:root?secret=");
        byte[] secret = Totp.Base32.decode(state.path("secret").asString());

        assertThat(submit(first, "000000")).endsWith("/login/second-factor?error=code");
        assertThat(store.secret("root")).as("not enrolled by a wrong code").isEmpty();
        long step = Totp.step(clock.instant());
        assertThat(submit(first, Totp.code(secret, step, 6, "HmacSHA1"))).endsWith("/");
        assertThat(first.get("/api/me").body()).contains("ADMIN");
        assertThat(store.secret("root")).isPresent();

        Browserless second = new Browserless(port);
        assertThat(second.login("root", WebTestApplication.PASSWORD)).endsWith("/login/second-factor");
        JsonNode again = json.readTree(second.get("/login/second-factor/state").body());
        assertThat(again.path("enrolled").asBoolean()).isTrue();
        assertThat(again.has("secret")).as("an enrolled secret is never shown again").isFalse();
        assertThat(submit(second, Totp.code(secret, step, 6, "HmacSHA1")))
                .as("a code already used is refused").endsWith("/login/second-factor?error=code");
        assertThat(submit(second, Totp.code(secret, step + 1, 6, "HmacSHA1"))).endsWith("/");
        assertThat(second.get("/api/me").body()).contains("ADMIN");
    }

    @Test
    void anAccountLockedByAnAttackerStillSignsInWithItsPasswordAndACurrentCode() throws Exception {
        ThrottleSettings limits = ThrottleSettings.defaults();
        Browserless officer = new Browserless(port).from("198.51.100.30");
        assertThat(officer.login("hkcomp", WebTestApplication.PASSWORD)).endsWith("/login/second-factor");
        byte[] secret = Totp.Base32.decode(json.readTree(officer.get("/login/second-factor/state").body())
                .path("secret").asString());
        assertThat(submit(officer, Totp.code(secret, Totp.step(clock.instant()), 6, "HmacSHA1"))).endsWith("/");

        // a patient attacker elsewhere waits out every delay until the account locks
        Browserless attacker = new Browserless(port).from("203.0.113.70");
        boolean locked = false;
        for (int i = 0; i < limits.lockAfter() + 2 && !locked; i++) {
            clock.advance(limits.maxDelay().plusSeconds(1));
            locked = attacker.login("hkcomp", "patient-guess-" + i).contains("error=locked");
        }
        assertThat(locked).as("a sustained attack on one account locks it").isTrue();
        attacker.login("hkcomp", WebTestApplication.PASSWORD); // even with the stolen password
        assertThat(attacker.get("/api/me").statusCode()).as("the password alone does not pass the lock").isEqualTo(401);

        // the officer on a new laptop, never signed in from: the password leads to the code, and the code passes
        Browserless laptop = new Browserless(port).from("198.51.100.31");
        assertThat(laptop.login("hkcomp", WebTestApplication.PASSWORD)).endsWith("/login/second-factor");
        assertThat(laptop.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(submit(laptop, "000000")).as("a wrong code does not").endsWith("/login/second-factor?error=code");
        clock.advance(Duration.ofSeconds(30));
        assertThat(submit(laptop, Totp.code(secret, Totp.step(clock.instant()), 6, "HmacSHA1"))).endsWith("/");
        assertThat(laptop.get("/api/me").body()).contains("hkcomp");
    }

    @Test
    void advisorSignsInWithThePasswordAlone() {
        assertThat(new Browserless(port).login("ada", WebTestApplication.PASSWORD)).endsWith("/");
    }

    @Test
    void codeWithoutAPasswordFirstGoesBackToTheLoginPage() throws Exception {
        Browserless stranger = new Browserless(port);
        stranger.get("/login");
        assertThat(submit(stranger, "123456")).endsWith("/login?error=expired");
        assertThat(stranger.get("/login/second-factor/state").statusCode()).isEqualTo(401);
    }

    private static String submit(Browserless browser, String code) throws Exception {
        String form = "code=" + code + "&_csrf=" + URLEncoder.encode(browser.csrf(), StandardCharsets.UTF_8);
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(browser.base() + "/login/second-factor"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        return response.headers().firstValue("Location").orElse("(status " + response.statusCode() + ")");
    }
}
