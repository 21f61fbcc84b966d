package org.mvtm.web.security;

import java.util.Collection;
import java.util.List;
import org.mvtm.web.api.WebRole;
import org.mvtm.web.api.WebUser;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user as Spring Security sees it; keeps the whole {@link WebUser} for region scoping. */
public record WebPrincipal(WebUser user, boolean locked) implements UserDetails {
    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = user.roles().stream()
                .map(WebRole::authority).map(a -> (GrantedAuthority) new SimpleGrantedAuthority(a)).toList();
        return authorities;
    }

    @Override
    public String getPassword() {
        return user.passwordHash();
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }
}
