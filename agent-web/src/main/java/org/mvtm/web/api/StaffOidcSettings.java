package org.mvtm.web.api;

import static org.mvtm.web.api.SettingText.orDefault;
import static org.mvtm.web.api.SettingText.orEmpty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mvtm.core.Region;

/**
 * Staff sign-in through the bank's OpenID Connect provider (authorization-code flow), next to local accounts.
 * Roles and regions come from the ID token (or user-info) claims: {@link #rolesClaim} holds the provider's groups
 * or roles (a list, or a space/comma separated string; a dotted name such as {@code realm_access.roles} reaches
 * into an object), each mapped to a {@link WebRole} by {@link #roleMapping}; {@link #regionsClaim} holds region
 * codes. A user whose claims map to no role, or who has no region, is refused.
 *
 * @param issuerUri     the provider's issuer; its {@code /.well-known/openid-configuration} is read at start-up
 * @param clientId      this server's client id at the provider
 * @param clientSecret  its client secret
 * @param displayName   the provider's name on the login page's button
 * @param usernameClaim the claim that becomes the username ({@code preferred_username})
 * @param rolesClaim    the claim with the provider's groups/roles ({@code groups})
 * @param roleMapping   provider group or role (as it appears in the claim, e.g. {@code /contact-center/compliance}
 *                      or {@code cc-compliance}) to the role it grants here
 * @param regionsClaim  the claim with the user's region codes ({@code regions})
 * @param defaultRegions regions for users whose token has no region claim (empty: such users are refused)
 * @param agentIdClaim  the claim with an advisor's routing agent id ({@code agent_id}); advisors need one
 */
public record StaffOidcSettings(String issuerUri, String clientId, String clientSecret, String displayName,
                                String usernameClaim, String rolesClaim, Map<String, WebRole> roleMapping,
                                String regionsClaim, Set<Region> defaultRegions, String agentIdClaim) {
    /** The Spring Security registration id, so the sign-in link is {@code /oauth2/authorization/bank}. */
    public static final String REGISTRATION_ID = "bank";

    public StaffOidcSettings {
        issuerUri = orEmpty(issuerUri);
        clientId = orEmpty(clientId);
        clientSecret = orEmpty(clientSecret);
        displayName = orDefault(displayName, "the bank's sign-in");
        usernameClaim = orDefault(usernameClaim, "preferred_username");
        rolesClaim = orDefault(rolesClaim, "groups");
        regionsClaim = orDefault(regionsClaim, "regions");
        agentIdClaim = orDefault(agentIdClaim, "agent_id");
        roleMapping = Map.copyOf(roleMapping == null ? Map.of() : new LinkedHashMap<>(roleMapping));
        defaultRegions = Set.copyOf(defaultRegions == null ? Set.of() : defaultRegions);
        if (!issuerUri.isEmpty()) {
            if (!issuerUri.matches("https?://.+")) {
                throw new IllegalArgumentException("contact.identity.oidc.issuer-uri must be an http(s) URL but was '"
                        + issuerUri + "'");
            }
            if (clientId.isEmpty()) {
                throw new IllegalArgumentException("contact.identity.oidc.client-id is required with an issuer-uri");
            }
            if (roleMapping.isEmpty()) {
                throw new IllegalArgumentException("contact.identity.oidc.role-mapping must map at least one of the "
                        + "provider's groups or roles to " + List.of(WebRole.values()));
            }
        }
    }

    /** No OIDC sign-in: local accounts only. */
    public static StaffOidcSettings off() {
        return new StaffOidcSettings("", "", "", "", "", "", Map.of(), "", Set.of(), "");
    }

    public boolean enabled() {
        return !issuerUri.isEmpty();
    }

    @Override
    public String toString() {
        return "StaffOidcSettings[issuerUri=" + issuerUri + ", clientId=" + clientId + ", rolesClaim=" + rolesClaim
                + ", roleMapping=" + roleMapping + ", regionsClaim=" + regionsClaim + "]";
    }
}
