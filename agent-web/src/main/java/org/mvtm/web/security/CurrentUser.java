package org.mvtm.web.security;

import java.security.Principal;
import java.util.Optional;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.identity.StaffOidcUser;
import org.springframework.security.core.Authentication;

/** Gets the {@link WebUser} behind a request's or a WebSocket session's principal. */
public final class CurrentUser {
    private CurrentUser() {
    }

    public static Optional<WebUser> of(Principal principal) {
        if (principal instanceof Authentication auth && auth.isAuthenticated()
                && auth.getPrincipal() instanceof WebPrincipal p) {
            return Optional.of(p.user());
        }
        if (principal instanceof Authentication auth && auth.isAuthenticated()
                && auth.getPrincipal() instanceof StaffOidcUser staff) {
            return Optional.of(staff.user());
        }
        return Optional.empty();
    }

    public static WebUser require(Principal principal) {
        return of(principal).orElseThrow(() -> new IllegalStateException("no signed-in user"));
    }
}
