package org.mvtm.webtest.oidc;

import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for the tests: Spring Authorization Server (Boot's auto-configuration, discovery,
 * JWKS, authorization-code flow with its own login form) on a free port of {@code localhost}. Its users carry the
 * bank's groups and regions in the ID token, the way a bank's provider would be set up for the contact center.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class BankAuthorizationServer {
    public static final String PASSWORD = "staff-secret-2026";
    public static final String CLIENT_ID = "contact-center";
    public static final String CLIENT_SECRET = "client-secret-for-tests";

    /** username -> groups, regions. */
    static final Map<String, List<List<String>>> STAFF = Map.of(
            "olivia", List.of(List.of("cc-compliance", "all-staff"), List.of("HK")),
            "adam", List.of(List.of("cc-supervisor", "all-staff"), List.of("SZ", "MO")),
            "visitor", List.of(List.of("all-staff"), List.of("HK")));

    @Bean
    UserDetailsService bankStaff() {
        return new InMemoryUserDetailsManager(STAFF.keySet().stream()
                .map(name -> User.withUsername(name).password("{noop}" + PASSWORD).roles("STAFF").build()).toList());
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> groupsAndRegionsInTheIdToken() {
        return context -> {
            if (context.getTokenType().getValue().equals("id_token")) {
                List<List<String>> staff = STAFF.get(context.getPrincipal().getName());
                context.getClaims().claim("preferred_username", context.getPrincipal().getName())
                        .claim("groups", staff.get(0)).claim("regions", staff.get(1))
                        .claim("name", context.getPrincipal().getName().toUpperCase(java.util.Locale.ROOT));
            }
        };
    }

    /** Starts the provider; the contact center's redirect URI must be known (its port chosen beforehand). */
    public static ConfigurableApplicationContext start(String redirectUri) {
        String client = "spring.security.oauth2.authorizationserver.client.cc.";
        return new SpringApplicationBuilder(BankAuthorizationServer.class).properties(
                "server.port=0",
                "server.address=localhost",
                "spring.main.banner-mode=off",
                client + "registration.client-id=" + CLIENT_ID,
                client + "registration.client-secret={noop}" + CLIENT_SECRET,
                client + "registration.client-authentication-methods=client_secret_basic",
                client + "registration.authorization-grant-types=authorization_code",
                client + "registration.redirect-uris=" + redirectUri,
                client + "registration.scopes=openid,profile",
                client + "require-authorization-consent=false").run();
    }

    public static String issuer(ConfigurableApplicationContext provider) {
        return "http://localhost:" + ((WebServerApplicationContext) provider).getWebServer().getPort();
    }
}
