package org.mvtm.web.security;

import org.mvtm.web.api.WebUserDirectory;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Looks users up in the {@link WebUserDirectory}; a login locked by the {@link LoginThrottle} comes back locked. */
public final class DirectoryUserDetailsService implements UserDetailsService {
    private final WebUserDirectory directory;
    private final LoginThrottle throttle;

    public DirectoryUserDetailsService(WebUserDirectory directory, LoginThrottle throttle) {
        this.directory = directory;
        this.throttle = throttle;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return directory.find(username)
                .map(user -> new WebPrincipal(user, throttle.lockedUntil(username).isPresent()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
