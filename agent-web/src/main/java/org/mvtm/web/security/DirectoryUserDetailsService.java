package org.mvtm.web.security;

import org.mvtm.web.api.WebUserDirectory;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Looks users up in the {@link WebUserDirectory}. Locks are the sign-in throttle's business
 * ({@link SignInThrottleFilter}, before the password is looked at), so a known device can pass a lock.
 */
public final class DirectoryUserDetailsService implements UserDetailsService {
    private final WebUserDirectory directory;

    public DirectoryUserDetailsService(WebUserDirectory directory) {
        this.directory = directory;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return directory.find(username)
                .map(user -> new WebPrincipal(user, false))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
