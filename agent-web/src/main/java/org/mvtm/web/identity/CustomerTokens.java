package org.mvtm.web.identity;

import java.time.Clock;
import java.util.Optional;
import org.mvtm.web.api.CustomerTokenSettings;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.resource.OAuth2ResourceServerConfigurer;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * Everything the security chain needs to accept bank-issued customer tokens: the resolver, the decoder with its
 * checks, the claims mapping and the 401 answer, plus the demo issuer when demo mode has one.
 */
public final class CustomerTokens {
    private final CustomerTokenSettings settings;
    private final Optional<DemoCustomerIssuer> demoIssuer;
    private final Clock clock;
    private final CustomerTokenResolver resolver = new CustomerTokenResolver();

    public CustomerTokens(CustomerTokenSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.demoIssuer = settings.demoIssuer()
                ? Optional.of(new DemoCustomerIssuer(clock, settings.claims())) : Optional.empty();
    }

    public CustomerTokenSettings settings() {
        return settings;
    }

    public Optional<DemoCustomerIssuer> demoIssuer() {
        return demoIssuer;
    }

    public BearerTokenResolver resolver() {
        return resolver;
    }

    /** The resource-server part of the chain: verify, check claims, map to the customer, refuse clearly. */
    public Customizer<OAuth2ResourceServerConfigurer<HttpSecurity>> resourceServer() {
        CustomerTokenEntryPoint entryPoint = new CustomerTokenEntryPoint();
        // its own manager: the chain's manager is the one for local passwords
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(
                CustomerTokenDecoders.decoder(settings, demoIssuer, clock));
        provider.setJwtAuthenticationConverter(new CustomerClaims(settings.claims()));
        return rs -> rs
                .bearerTokenResolver(resolver)
                .authenticationEntryPoint(entryPoint)
                .jwt(jwt -> jwt.authenticationManager(new ProviderManager(provider)));
    }
}
