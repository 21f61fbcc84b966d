package org.mvtm.web.api;

import static org.mvtm.web.api.SettingText.orDefault;
import static org.mvtm.web.api.SettingText.orEmpty;

import java.time.Duration;

/**
 * How the customer chat (the {@code /ws/customer} socket and {@code /api/customer/**}) accepts a signed JWT from the
 * bank's identity provider. The bank's app already knows who the customer is; it presents
 * {@code Authorization: Bearer <jwt>} (or {@code ?access_token=} on the socket handshake, which browsers cannot give
 * headers). The token's signature is checked against {@link #jwksUrl} or {@link #publicKey}, then its issuer,
 * audience, expiry and not-before (with {@link #clockSkew}), then the claims become the customer.
 *
 * @param issuer     the {@code iss} every token must carry
 * @param audience   a value the token's {@code aud} must contain
 * @param jwksUrl    the provider's JSON Web Key Set URL (keys are fetched and cached; rotation is followed)
 * @param publicKey  instead of a JWKS URL: an RSA public key as PEM ({@code -----BEGIN PUBLIC KEY-----...}) or the
 *                   path of a PEM file
 * @param clockSkew  tolerance for {@code exp}/{@code nbf} between the provider's clock and ours
 * @param claims     which claims carry the customer's id, name, language, region and tier
 * @param demoIssuer true in demo mode when no provider is configured: the server's built-in demo issuer signs
 *                   tokens for the demo customers and its key verifies them (same checks as production)
 */
public record CustomerTokenSettings(String issuer, String audience, String jwksUrl, String publicKey,
                                    Duration clockSkew, Claims claims, boolean demoIssuer) {
    /** The issuer and audience of the built-in demo issuer. */
    public static final String DEMO_ISSUER = "urn:mvtm:demo-bank";
    public static final String DEMO_AUDIENCE = "mvtm";

    /**
     * Claim names. Language values are tags ({@code en}, {@code zh-Hans}, {@code yue}, {@code zh-HK}...), region a
     * code (HK, SZ, MO...), tier STANDARD, PREMIER or VIP ({@code vip: true} also gives VIP when {@code tier} is
     * absent).
     */
    public record Claims(String customerId, String name, String language, String region, String tier) {
        public Claims {
            customerId = orDefault(customerId, "sub");
            name = orDefault(name, "name");
            language = orDefault(language, "locale");
            region = orDefault(region, "region");
            tier = orDefault(tier, "tier");
        }

        public static Claims defaults() {
            return new Claims(null, null, null, null, null);
        }
    }

    public CustomerTokenSettings {
        issuer = orEmpty(issuer);
        audience = orEmpty(audience);
        jwksUrl = orEmpty(jwksUrl);
        publicKey = orEmpty(publicKey);
        clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
        claims = claims == null ? Claims.defaults() : claims;
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("contact.identity.customer.clock-skew must be between 0 and 10 minutes"
                    + " but was " + clockSkew);
        }
        if (!jwksUrl.isEmpty() && !publicKey.isEmpty()) {
            throw new IllegalArgumentException("set either contact.identity.customer.jwks-url or "
                    + "contact.identity.customer.public-key, not both");
        }
        if (!jwksUrl.isEmpty() && !jwksUrl.matches("https?://.+")) {
            throw new IllegalArgumentException("contact.identity.customer.jwks-url must be an http(s) URL but was '"
                    + jwksUrl + "'");
        }
        if (!jwksUrl.isEmpty() || !publicKey.isEmpty()) {
            if (issuer.isEmpty()) {
                throw new IllegalArgumentException("contact.identity.customer.issuer is required with a key or JWKS URL");
            }
            if (audience.isEmpty()) {
                throw new IllegalArgumentException("contact.identity.customer.audience is required with a key or JWKS URL");
            }
        }
        if (demoIssuer && (jwksUrl.isEmpty() && publicKey.isEmpty())) {
            issuer = DEMO_ISSUER;
            audience = DEMO_AUDIENCE;
        }
        demoIssuer = demoIssuer && jwksUrl.isEmpty() && publicKey.isEmpty();
    }

    /** No customer tokens accepted (customers can only use a signed-in session). */
    public static CustomerTokenSettings none() {
        return new CustomerTokenSettings("", "", "", "", Duration.ofSeconds(60), Claims.defaults(), false);
    }

    /** The built-in demo issuer, for demo mode. */
    public static CustomerTokenSettings demo() {
        return new CustomerTokenSettings("", "", "", "", Duration.ofSeconds(60), Claims.defaults(), true);
    }

    /** True when tokens are accepted (a provider is configured or the demo issuer is on). */
    public boolean enabled() {
        return demoIssuer || !jwksUrl.isEmpty() || !publicKey.isEmpty();
    }

    @Override
    public String toString() {
        return "CustomerTokenSettings[issuer=" + issuer + ", audience=" + audience + ", jwksUrl=" + jwksUrl
                + ", publicKey=" + (publicKey.isEmpty() ? "none" : "set") + ", clockSkew=" + clockSkew
                + ", demoIssuer=" + demoIssuer + "]";
    }
}
