package org.mvtm.web.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Checks a customer token whose signature already verified: it must carry an expiry that has not passed, must not be
 * used before its {@code nbf}, and must come from the configured issuer for the configured audience. Times are read
 * from the injected clock with the configured skew. Each refusal names the claim and what was expected.
 */
record CustomerTokenValidator(String issuer, String audience, Duration skew, Clock clock)
        implements OAuth2TokenValidator<Jwt> {
    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        Instant now = clock.instant();
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return refused("the token has no expiry (claim 'exp'); tokens without one are not accepted");
        }
        if (now.isAfter(expiresAt.plus(skew))) {
            return refused("the token expired at " + expiresAt + " (now " + now + ", allowed clock skew "
                    + skew.toSeconds() + " s)");
        }
        Instant notBefore = jwt.getNotBefore();
        if (notBefore != null && now.plus(skew).isBefore(notBefore)) {
            return refused("the token is not valid before " + notBefore + " (claim 'nbf'; now " + now + ")");
        }
        String iss = jwt.getClaimAsString("iss");
        if (!issuer.equals(iss)) {
            return refused("the token's issuer (claim 'iss') is '" + iss + "' but this server accepts '" + issuer + "'");
        }
        List<String> aud = jwt.getAudience();
        if (aud == null || !aud.contains(audience)) {
            return refused("the token's audience (claim 'aud') is " + (aud == null ? "missing" : aud)
                    + " but must include '" + audience + "'");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult refused(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
