package org.mvtm.web.api;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mvtm.core.CustomerTier;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.Usernames;

/**
 * A person who can sign in to the web tier.
 *
 * @param username          login name, 2..64 of letters, digits, dot, dash, underscore (stored lower case)
 * @param passwordHash      a Spring Security {@code DelegatingPasswordEncoder} hash such as {@code {bcrypt}$2a$...};
 *                          use {@link WebPasswords#hash(String)} to make one
 * @param roles             at least one role
 * @param regions           regions whose customers, queues and recordings the user may see (at least one)
 * @param agentId           the routing identity of an advisor (required with {@link WebRole#AGENT})
 * @param displayName       shown in the consoles
 * @param preferredLanguage the interface and chat language the user starts with
 * @param customerTier      the tier a demo customer is served with (STANDARD for staff)
 */
public record WebUser(String username, String passwordHash, Set<WebRole> roles, Set<Region> regions,
                      Optional<AgentId> agentId, String displayName, Language preferredLanguage,
                      CustomerTier customerTier) {
    public WebUser {
        Objects.requireNonNull(username, "username");
        username = Usernames.normalized(username);
        if (!Usernames.valid(username)) {
            throw new IllegalArgumentException("username must be " + Usernames.RULE + " but was '" + username + "'");
        }
        Objects.requireNonNull(passwordHash, "password hash of " + username);
        if (!passwordHash.startsWith("{")) {
            throw new IllegalArgumentException("password hash of " + username
                    + " must name its encoder, e.g. {bcrypt}$2a$..., use WebPasswords.hash(raw)");
        }
        roles = Set.copyOf(Objects.requireNonNull(roles, "roles of " + username));
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("user " + username + " needs at least one role");
        }
        regions = Set.copyOf(Objects.requireNonNull(regions, "regions of " + username));
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("user " + username + " needs at least one region (HK, SZ, MO...)");
        }
        agentId = agentId == null ? Optional.empty() : agentId;
        if (roles.contains(WebRole.AGENT) && agentId.isEmpty()) {
            throw new IllegalArgumentException("advisor " + username + " (role AGENT) needs an agent id");
        }
        displayName = displayName == null || displayName.isBlank() ? username : displayName.strip();
        preferredLanguage = preferredLanguage == null ? Language.EN : preferredLanguage;
        customerTier = customerTier == null ? CustomerTier.STANDARD : customerTier;
    }

    /** A demo customer of one region. */
    public static WebUser customer(String username, String passwordHash, String displayName, Language language,
                                   Region region, CustomerTier tier) {
        return new WebUser(username, passwordHash, Set.of(WebRole.CUSTOMER), Set.of(region), Optional.empty(),
                displayName, language, tier);
    }

    /** An advisor: role AGENT, the routing agent id and the advisor's region. */
    public static WebUser advisor(String username, String passwordHash, AgentId agentId, String displayName,
                                  Language language, Region region) {
        return new WebUser(username, passwordHash, Set.of(WebRole.AGENT), Set.of(region), Optional.of(agentId),
                displayName, language, CustomerTier.STANDARD);
    }

    /** A supervisor, compliance officer or administrator scoped to the given regions. */
    public static WebUser staff(String username, String passwordHash, Set<WebRole> roles, Set<Region> regions,
                                String displayName, Language language) {
        return new WebUser(username, passwordHash, roles, regions, Optional.empty(), displayName, language,
                CustomerTier.STANDARD);
    }

    public boolean has(WebRole role) {
        return roles.contains(role);
    }

    public boolean maySee(Region region) {
        return regions.contains(region);
    }

    @Override
    public String toString() {
        return "WebUser[" + username + " " + roles + " " + regions + agentId.map(a -> " " + a.value()).orElse("") + "]";
    }
}
