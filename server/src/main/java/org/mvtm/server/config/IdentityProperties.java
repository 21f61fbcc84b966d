package org.mvtm.server.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code contact.identity.*}: how customers and staff prove who they are (see docs/operations.md, "Identity").
 *
 * @param customer the bank's identity provider whose signed JWTs the customer chat accepts
 * @param oidc     staff sign-in through the bank's OpenID Connect provider, next to local accounts
 * @param secondFactor TOTP after the password for local admin and compliance accounts
 */
public record IdentityProperties(@DefaultValue Customer customer, @DefaultValue Oidc oidc,
                                 @DefaultValue SecondFactor secondFactor) {

    /**
     * TOTP for local ADMIN/COMPLIANCE accounts; {@code required} unset means: on, except in demo mode (the demo's
     * published logins would otherwise need an authenticator app).
     */
    public record SecondFactor(Boolean required, @DefaultValue("mVTM") String issuer) {
    }

    /** Customer tokens; with none of jwks-url/public-key set, only demo mode's built-in issuer is accepted. */
    public record Customer(
            @DefaultValue("") String issuer,
            @DefaultValue("") String audience,
            @DefaultValue("") String jwksUrl,
            @DefaultValue("") String publicKey,
            @DefaultValue("60s") Duration clockSkew,
            @DefaultValue("sub") String idClaim,
            @DefaultValue("name") String nameClaim,
            @DefaultValue("locale") String languageClaim,
            @DefaultValue("region") String regionClaim,
            @DefaultValue("tier") String tierClaim) {
    }

    /** Staff OIDC; empty issuer-uri leaves only local accounts. */
    public record Oidc(
            @DefaultValue("") String issuerUri,
            @DefaultValue("") String clientId,
            @DefaultValue("") String clientSecret,
            @DefaultValue("") String displayName,
            @DefaultValue("preferred_username") String usernameClaim,
            @DefaultValue("groups") String rolesClaim,
            @DefaultValue Map<String, String> roleMapping,
            @DefaultValue("regions") String regionsClaim,
            @DefaultValue List<String> defaultRegions,
            @DefaultValue("agent_id") String agentIdClaim) {
    }
}
