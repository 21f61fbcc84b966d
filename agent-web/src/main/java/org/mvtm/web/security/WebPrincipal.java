package org.mvtm.web.security;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mvtm.core.CustomerTier;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.id.AgentId;
import org.mvtm.web.api.WebRole;
import org.mvtm.web.api.WebUser;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user as Spring Security keeps it in the HTTP session. Holds a serialisable snapshot of the
 * {@link WebUser} (plain strings and enums) so sessions survive a server restart (Tomcat persistent sessions) or
 * live in a shared session store; {@link #user()} rebuilds the {@link WebUser}.
 */
public final class WebPrincipal implements UserDetails {
    @Serial
    private static final long serialVersionUID = 1L;
    private final String username;
    private final String passwordHash;
    private final Set<WebRole> roles;
    private final List<String> regions;
    private final String agentId;
    private final String displayName;
    private final Language language;
    private final CustomerTier tier;
    private final boolean locked;

    public WebPrincipal(WebUser user, boolean locked) {
        this.username = user.username();
        this.passwordHash = user.passwordHash();
        this.roles = Set.copyOf(user.roles());
        this.regions = user.regions().stream().map(Region::code).sorted().toList();
        this.agentId = user.agentId().map(AgentId::value).orElse(null);
        this.displayName = user.displayName();
        this.language = user.preferredLanguage();
        this.tier = user.customerTier();
        this.locked = locked;
    }

    public WebUser user() {
        return new WebUser(username, passwordHash, roles, regions.stream().map(Region::of).collect(Collectors.toSet()),
                Optional.ofNullable(agentId).map(AgentId::of), displayName, language, tier);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(WebRole::authority).map(SimpleGrantedAuthority::new).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebPrincipal other && other.username.equals(username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return "WebPrincipal[" + username + " " + roles + " " + regions + "]";
    }
}
