package org.mvtm.web.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.Jwt;

/** Expiry and not-before are judged on the injected clock with the configured skew, never the machine's clock. */
class CustomerTokenValidatorTest {
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private final CustomerTokenValidator validator = new CustomerTokenValidator("https://idp", "cc",
            Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void tokenExpiredWithinTheSkewIsAcceptedBeyondItRefused() {
        assertThat(errors(token(NOW.minusSeconds(29), null))).isEmpty();
        assertThat(errors(token(NOW.minusSeconds(31), null))).singleElement().asString()
                .contains("expired at 2026-03-01T08:59:29Z").contains("now 2026-03-01T09:00:00Z");
    }

    @Test
    void tokenNotYetValidBeyondTheSkewIsRefused() {
        assertThat(errors(token(NOW.plusSeconds(600), NOW.plusSeconds(25)))).isEmpty();
        assertThat(errors(token(NOW.plusSeconds(600), NOW.plusSeconds(35)))).singleElement().asString()
                .contains("not valid before 2026-03-01T09:00:35Z");
    }

    @Test
    void tokenWithoutExpiryIsRefused() {
        assertThat(errors(token(null, null))).singleElement().asString().contains("no expiry");
    }

    private List<String> errors(Jwt jwt) {
        return validator.validate(jwt).getErrors().stream().map(OAuth2Error::getDescription).toList();
    }

    private static Jwt token(Instant exp, Instant nbf) {
        Jwt.Builder b = Jwt.withTokenValue("t").header("alg", "RS256").issuer("https://idp").audience(List.of("cc"))
                .subject("c1").issuedAt(NOW.minusSeconds(3600));
        if (exp != null) {
            b.expiresAt(exp);
        }
        if (nbf != null) {
            b.notBefore(nbf);
        }
        return b.build();
    }
}
