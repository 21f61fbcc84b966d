package org.mvtm.web.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mvtm.core.CustomerTier;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.id.AgentId;
import org.mvtm.web.api.StaffOidcSettings;
import org.mvtm.web.api.WebRole;
import org.mvtm.web.api.WebUser;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Maps an OpenID Connect user's claims to the staff member the consoles know: username, roles (the provider's
 * groups or roles through the configured mapping), regions, display name, language and an advisor's agent id.
 * Customers never sign in this way. A user the claims give no role or region is refused with a reason that names
 * the claim.
 */
final class StaffClaims {
    private final StaffOidcSettings settings;

    StaffClaims(StaffOidcSettings settings) {
        this.settings = settings;
    }

    WebUser staff(OidcUser oidc) {
        Map<String, Object> claims = oidc.getClaims();
        String username = text(claims, settings.usernameClaim()).orElse(oidc.getSubject());
        Set<WebRole> roles = EnumSet.noneOf(WebRole.class);
        List<String> groups = values(claims, settings.rolesClaim());
        for (String group : groups) {
            WebRole role = settings.roleMapping().get(group);
            if (role != null && role != WebRole.CUSTOMER) {
                roles.add(role);
            }
        }
        if (roles.isEmpty()) {
            throw refused("no contact-center role: claim '" + settings.rolesClaim() + "' holds " + groups
                    + " and none of them is mapped (contact.identity.oidc.role-mapping: "
                    + settings.roleMapping().keySet() + ")");
        }
        Set<Region> regions = new LinkedHashSet<>();
        try {
            values(claims, settings.regionsClaim()).forEach(code -> regions.add(Region.of(code)));
        } catch (IllegalArgumentException e) {
            throw refused("claim '" + settings.regionsClaim() + "': " + e.getMessage());
        }
        if (regions.isEmpty()) {
            regions.addAll(settings.defaultRegions());
        }
        if (regions.isEmpty()) {
            throw refused("no region: claim '" + settings.regionsClaim() + "' is missing or empty and no "
                    + "contact.identity.oidc.default-regions are set");
        }
        Optional<AgentId> agentId = text(claims, settings.agentIdClaim()).map(AgentId::of);
        if (roles.contains(WebRole.AGENT) && agentId.isEmpty()) {
            throw refused("advisor " + username + " has no agent id (claim '" + settings.agentIdClaim() + "')");
        }
        Language language = Language.EN;
        Optional<String> locale = text(claims, "locale");
        if (locale.isPresent()) {
            try {
                language = Language.fromTag(locale.get());
            } catch (IllegalArgumentException unknown) {
                language = Language.EN; // a provider locale we do not serve in: the console starts in English
            }
        }
        String name = text(claims, "name").orElse(username);
        try {
            return new WebUser(username, CustomerClaims.NO_PASSWORD, roles, regions, agentId, name, language,
                    CustomerTier.STANDARD);
        } catch (IllegalArgumentException e) {
            throw refused("claim '" + settings.usernameClaim() + "': " + e.getMessage());
        }
    }

    /** A claim as a list: a JSON array, or a string split at spaces and commas. Dotted names reach into objects. */
    static List<String> values(Map<String, Object> claims, String name) {
        Object value = find(claims, name);
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> c) {
            c.forEach(v -> out.add(String.valueOf(v).strip()));
        } else if (value instanceof String s) {
            for (String part : s.split("[\\s,]+")) {
                if (!part.isBlank()) {
                    out.add(part);
                }
            }
        }
        return out;
    }

    private static Optional<String> text(Map<String, Object> claims, String name) {
        Object value = find(claims, name);
        return value == null || String.valueOf(value).isBlank() ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    private static Object find(Map<String, Object> claims, String name) {
        if (claims.containsKey(name)) {
            return claims.get(name);
        }
        Object current = claims;
        for (String part : name.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static OAuth2AuthenticationException refused(String reason) {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied", reason, null), reason);
    }
}
