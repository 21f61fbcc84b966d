package org.mvtm.web.identity;

import java.util.Optional;
import org.mvtm.web.api.StaffOidcSettings;
import org.mvtm.web.security.WebPrincipal;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Staff sign-in through the bank's OpenID Connect provider (authorization-code flow): the client registration read
 * from the provider's discovery document at start-up, and the authentication provider whose users carry the roles
 * and regions their claims map to ({@link StaffClaims}). Empty when OIDC is not configured.
 */
public final class StaffOidcLogin {
    private final StaffOidcSettings settings;
    private final Optional<ClientRegistrationRepository> registrations;

    public StaffOidcLogin(StaffOidcSettings settings) {
        this.settings = settings;
        this.registrations = settings.enabled() ? Optional.of(registrations(settings)) : Optional.empty();
    }

    public boolean enabled() {
        return registrations.isPresent();
    }

    public StaffOidcSettings settings() {
        return settings;
    }

    public ClientRegistrationRepository registrations() {
        return registrations.orElseThrow(() -> new IllegalStateException("OIDC sign-in is not configured"));
    }

    public OAuth2UserService<OidcUserRequest, OidcUser> userService() {
        OidcUserService provider = new OidcUserService();
        StaffClaims claims = new StaffClaims(settings);
        return request -> {
            OidcUser oidc = provider.loadUser(request);
            return new StaffOidcUser(new WebPrincipal(claims.staff(oidc), false), oidc.getIdToken(), oidc.getUserInfo());
        };
    }

    /** Exchanges the code, verifies the ID token and maps the user; goes into the chain's authentication manager. */
    public AuthenticationProvider authenticationProvider() {
        return new OidcAuthorizationCodeAuthenticationProvider(new RestClientAuthorizationCodeTokenResponseClient(),
                userService());
    }

    private static ClientRegistrationRepository registrations(StaffOidcSettings settings) {
        ClientRegistration registration;
        try {
            registration = ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                    .registrationId(StaffOidcSettings.REGISTRATION_ID)
                    .clientId(settings.clientId())
                    .clientSecret(settings.clientSecret())
                    .scope("openid", "profile")
                    .clientName(settings.displayName())
                    .build();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read the OpenID Connect provider's configuration at "
                    + settings.issuerUri() + "/.well-known/openid-configuration (contact.identity.oidc.issuer-uri): "
                    + e.getMessage(), e);
        }
        return new InMemoryClientRegistrationRepository(registration);
    }
}
