package org.mvtm.web.identity;

import org.mvtm.web.api.StaffOidcSettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /login/providers}: whether the login page offers the bank's OpenID Connect sign-in, and where. */
@RestController
class LoginProvidersController {
    private final StaffOidcLogin oidc;

    LoginProvidersController(StaffOidcLogin oidc) {
        this.oidc = oidc;
    }

    record Providers(boolean oidc, String name, String url) {
    }

    @GetMapping("/login/providers")
    Providers providers() {
        return oidc.enabled()
                ? new Providers(true, oidc.settings().displayName(), "/oauth2/authorization/" + StaffOidcSettings.REGISTRATION_ID)
                : new Providers(false, "", "");
    }
}
