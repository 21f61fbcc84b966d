package org.mvtm.web.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.mvtm.web.api.CustomerTokenSettings;
import org.mvtm.web.api.WebUser;

/**
 * The demo mode's stand-in for the bank's identity provider: a fresh RSA key per start, its public half served as a
 * JWKS, and short-lived tokens for demo customers who signed in on the demo page. The customer page then presents
 * the token exactly as the bank's app would, so the demo runs the production validation path.
 */
public final class DemoCustomerIssuer {
    /** How long an issued token is valid; the page fetches a new one for every connection. */
    static final Duration LIFETIME = Duration.ofMinutes(10);

    private final RSAKey key;
    private final Clock clock;
    private final CustomerTokenSettings.Claims claims;

    DemoCustomerIssuer(Clock clock, CustomerTokenSettings.Claims claims) {
        this.clock = clock;
        this.claims = claims;
        try {
            this.key = new RSAKeyGenerator(2048).keyID("demo-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the demo issuer's RSA key", e);
        }
    }

    /** A signed token describing this demo customer. */
    public String issue(WebUser customer) {
        Instant now = clock.instant();
        JWTClaimsSet set = new JWTClaimsSet.Builder()
                .issuer(CustomerTokenSettings.DEMO_ISSUER)
                .audience(CustomerTokenSettings.DEMO_AUDIENCE)
                .subject(customer.username())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .claim(claims.customerId(), customer.username())
                .claim(claims.name(), customer.displayName())
                .claim(claims.language(), customer.preferredLanguage().tag())
                .claim(claims.region(), customer.regions().iterator().next().code())
                .claim(claims.tier(), customer.customerTier().name())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), set);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a demo customer token", e);
        }
        return jwt.serialize();
    }

    public Duration lifetime() {
        return LIFETIME;
    }

    /** The public key set, as served at {@code /demo-identity/.well-known/jwks.json}. */
    public Map<String, Object> jwks() {
        return new JWKSet(key.toPublicJWK()).toJSONObject();
    }

    RSAPublicKey publicKey() {
        try {
            return key.toRSAPublicKey();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
