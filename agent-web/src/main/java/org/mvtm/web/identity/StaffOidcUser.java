package org.mvtm.web.identity;

import java.io.Serial;
import org.mvtm.web.api.WebUser;
import org.mvtm.web.security.WebPrincipal;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A staff member signed in through the bank's OpenID Connect provider: the provider's user plus the {@link WebUser}
 * its claims mapped to (roles as authorities). Serialisable with the session, like {@link WebPrincipal}.
 */
public final class StaffOidcUser extends DefaultOidcUser {
    @Serial
    private static final long serialVersionUID = 1L;
    private final WebPrincipal principal;

    StaffOidcUser(WebPrincipal principal, OidcIdToken idToken, OidcUserInfo userInfo) {
        super(principal.getAuthorities(), idToken, userInfo, "sub");
        this.principal = principal;
    }

    public WebUser user() {
        return principal.user();
    }

    @Override
    public String getName() {
        return principal.getUsername();
    }
}
