package org.mvtm.web.security;

import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Clock;
import org.mvtm.admin.api.SecondFactorRecords;
import org.mvtm.core.signin.InMemoryStrikeStore;
import org.mvtm.core.signin.SignInAttempt;
import org.mvtm.core.signin.SignInObserver;
import org.mvtm.core.signin.SignInThrottle;
import org.mvtm.core.signin.SignInVerdict;
import org.mvtm.core.signin.StrikeStore;
import org.mvtm.core.signin.ThrottleSettings;
import org.mvtm.web.api.CustomerTokenSettings;
import org.mvtm.web.api.DeviceCookieKey;
import org.mvtm.web.api.InMemorySecondFactors;
import org.mvtm.web.api.SecondFactorSettings;
import org.mvtm.web.api.StaffOidcSettings;
import org.mvtm.web.api.WebPasswords;
import org.mvtm.web.api.WebTierSettings;
import org.mvtm.web.api.WebUserDirectory;
import org.mvtm.web.compliance.ComplianceRefusals;
import org.mvtm.web.documents.SignatureEntryPoint;
import org.mvtm.web.identity.CustomerTokens;
import org.mvtm.web.identity.SecondFactorGate;
import org.mvtm.web.identity.StaffOidcLogin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may open what. Pages redirect to the login page when nobody is signed in; REST and WebSocket endpoints answer
 * 401 instead, and 403 when the role does not fit. CSRF tokens travel in the {@code XSRF-TOKEN} cookie (readable by
 * the page's script) and come back in the {@code X-XSRF-TOKEN} header or the {@code _csrf} form field.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {
    /** Authentication failures the sign-in throttle does not see (OpenID Connect) are security events too. */
    private static final Logger SECURITY = LoggerFactory.getLogger("mvtm.security");
    /**
     * Sign-in form posts from one address whose passwords one node checks at once: more than a shift start behind one
     * proxy sends together, few enough that a burst of guesses cannot keep the node hashing passwords.
     */
    static final int PASSWORD_CHECKS_IN_FLIGHT_PER_ADDRESS = 64;
    /** Scripts only from this origin, no inline script or style, never framed. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; font-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The one sign-in throttle of this node, shared with the SIP edge by the server: its limits, where it counts
     * (Redis in a cluster) and who is told of each outcome (metrics) come from the server's beans when present.
     */
    @Bean
    SignInThrottle signInThrottle(Clock clock, ObjectProvider<ThrottleSettings> settings,
                                  ObjectProvider<StrikeStore> store, ObjectProvider<SignInObserver> observer,
                                  ObjectProvider<WebTierSettings> web) {
        ThrottleSettings limits = settings.getIfAvailable(() -> ThrottleSettings.defaults()
                .withLockout(web.getIfAvailable(WebTierSettings::defaults).lockout()));
        return new SignInThrottle(clock, limits, store.getIfAvailable(InMemoryStrikeStore::new),
                observer.getIfAvailable(SignInObserver::none));
    }

    @Bean
    KnownDevices knownDevices(ObjectProvider<DeviceCookieKey> key, Clock clock) {
        return new KnownDevices(key.getIfAvailable(DeviceCookieKey::random), clock);
    }

    /** Bank-issued customer tokens (or the demo issuer's); without settings no token is accepted. */
    @Bean
    CustomerTokens customerTokens(ObjectProvider<CustomerTokenSettings> settings, Clock clock) {
        return new CustomerTokens(settings.getIfAvailable(CustomerTokenSettings::none), clock);
    }

    @Bean
    DirectoryUserDetailsService webUserDetailsService(WebUserDirectory directory) {
        return new DirectoryUserDetailsService(directory);
    }

    /** TOTP after the password for local admins and compliance officers, when the server asks for it. */
    @Bean
    SecondFactorGate secondFactorGate(ObjectProvider<SecondFactorSettings> settings,
                                      ObjectProvider<SecondFactorRecords> store, Clock clock) {
        return new SecondFactorGate(settings.getIfAvailable(SecondFactorSettings::off),
                store.getIfAvailable(InMemorySecondFactors::new), clock);
    }

    /** Staff sign-in through the bank's OpenID Connect provider, when configured. */
    @Bean
    StaffOidcLogin staffOidcLogin(ObjectProvider<StaffOidcSettings> settings) {
        return new StaffOidcLogin(settings.getIfAvailable(StaffOidcSettings::off));
    }

    @Bean
    AuthenticationManager webAuthenticationManager(DirectoryUserDetailsService users, StaffOidcLogin oidc) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(WebPasswords.encoder());
        return oidc.enabled() ? new ProviderManager(provider, oidc.authenticationProvider()) : new ProviderManager(provider);
    }

    /** Idle sessions end after {@link WebTierSettings#sessionTimeout()}. */
    @Bean
    HttpSessionListener webSessionTimeout(ObjectProvider<WebTierSettings> settings) {
        int seconds = (int) settings.getIfAvailable(WebTierSettings::defaults).sessionTimeout().toSeconds();
        return new HttpSessionListener() {
            @Override
            public void sessionCreated(HttpSessionEvent se) {
                se.getSession().setMaxInactiveInterval(seconds);
            }
        };
    }

    @Bean
    SecurityFilterChain webSecurityFilterChain(HttpSecurity http, SignInThrottle throttle, KnownDevices devices,
                                               AuthenticationManager webAuthenticationManager,
                                               ObjectProvider<LogoutHandler> signOutSteps,
                                               CustomerTokens customerTokens, StaffOidcLogin oidc,
                                               SecondFactorGate secondFactor,
                                               ObjectProvider<ComplianceRefusals> complianceRefusals) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        RequestMatcher machineEndpoints = new OrRequestMatcher(path.matcher("/api/**"), path.matcher("/ws/**"));
        SavedRequestAwareAuthenticationSuccessHandler home = new SavedRequestAwareAuthenticationSuccessHandler();
        home.setDefaultTargetUrl("/");
        http.authenticationManager(webAuthenticationManager)
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/login", "/login.html", "/css/**", "/js/**", "/i18n/**", "/favicon.ico", "/favicon.svg", "/error").permitAll()
                .requestMatchers("/demo-identity/.well-known/**", "/login/providers").permitAll()
                .requestMatchers("/login/second-factor", "/login/second-factor/state", "/second-factor.html").permitAll()
                .requestMatchers("/setup", "/setup.html").permitAll()
                .requestMatchers("/demo-identity/token").hasRole("CUSTOMER")
                .requestMatchers("/customer", "/customer.html", "/ws/customer", "/api/customer/**").hasRole("CUSTOMER")
                .requestMatchers("/agent", "/agent.html", "/ws/agent", "/api/agent/**").hasRole("AGENT")
                .requestMatchers("/supervisor", "/supervisor.html", "/ws/supervisor", "/api/supervisor/**").hasAnyRole("SUPERVISOR", "ADMIN")
                .requestMatchers("/reports.html", "/wallboard.html", "/api/reports/**").hasAnyRole("SUPERVISOR", "ADMIN")
                .requestMatchers("/api/compliance/retention/**", "/api/compliance/retention").hasAnyRole("COMPLIANCE", "ADMIN")
                .requestMatchers("/compliance", "/compliance.html", "/api/compliance/**").hasRole("COMPLIANCE")
                .requestMatchers(HttpMethod.POST, "/api/admin/bootstrap").permitAll()
                .requestMatchers("/admin", "/admin.html", "/api/admin/**").hasRole("ADMIN")
                .anyRequest().authenticated())
            .formLogin(form -> form.loginPage("/login").loginProcessingUrl("/login")
                .successHandler((request, response, authentication) -> {
                    SignInAttempt attempt = request.getAttribute(SignInThrottleFilter.ATTEMPT) instanceof SignInAttempt a
                            ? a : SignInThrottleFilter.attemptOf(request, authentication.getName(), devices);
                    // the password was right; a code, if asked for, is throttled on its own
                    SignInVerdict settled = throttle.succeeded(attempt);
                    if (!settled.go()) {
                        SignInThrottleFilter.withdraw(request, response, settled);
                        return;
                    }
                    if (request.getAttribute(SignInThrottleFilter.VIA_SECOND_FACTOR) != null) {
                        secondFactor.park(request, authentication, attempt.knownDevice());
                        response.sendRedirect(request.getContextPath() + "/login/second-factor");
                        return;
                    }
                    if (secondFactor.holdsBack(request, authentication, attempt.knownDevice())) {
                        response.sendRedirect(request.getContextPath() + "/login/second-factor");
                        return;
                    }
                    devices.remember(request, response, authentication.getName());
                    home.onAuthenticationSuccess(request, response, authentication);
                })
                .failureHandler(new ThrottledLoginFailureHandler(throttle, devices))
                .permitAll())
            .requestCache(cache -> cache.requestCache(PagesToReturnTo.cache(machineEndpoints)))
            .oauth2ResourceServer(customerTokens.resourceServer())
            .logout(logout -> {
                logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout");
                signOutSteps.orderedStream().forEach(logout::addLogoutHandler); // e.g. the advisor leaves routing
            })
            .exceptionHandling(ex -> {
                ex.defaultAuthenticationEntryPointFor(new SignatureEntryPoint(), SignatureEntryPoint::matches);
                ex.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), machineEndpoints);
                // a refused compliance request is audited as the action attempted
                complianceRefusals.ifAvailable(audit -> ex.defaultAccessDeniedHandlerFor(audit,
                    path.matcher("/api/compliance/**")));
                // every other refusal is a security event in the log
                ex.defaultAccessDeniedHandlerFor(new LoggedRefusals(), request -> true);
            })
            .csrf(csrf -> csrf
                .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                // a bearer token is not sent by the browser on its own, so it cannot be forged cross-site
                .ignoringRequestMatchers(request -> customerTokens.resolver().resolve(request) != null))
            .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
            .addFilterBefore(new PageUserCheck(), AuthorizationFilter.class)
            .addFilterBefore(new SignInThrottleFilter(throttle, devices, secondFactor::enrolled,
                    new PasswordChecksInFlight(PASSWORD_CHECKS_IN_FLIGHT_PER_ADDRESS)),
                UsernamePasswordAuthenticationFilter.class)
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
                    "camera=(self), microphone=(self), geolocation=(), payment=(), usb=()"))
                .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")));
        if (oidc.enabled()) {
            http.oauth2Login(login -> login.loginPage("/login")
                .clientRegistrationRepository(oidc.registrations())
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidc.userService()))
                .successHandler(home)
                .failureHandler((request, response, e) -> {
                    SECURITY.atWarn().addKeyValue("event.action", "sign-in-failed").addKeyValue("event.outcome", "failure")
                        .addKeyValue("mvtm.channel", "OIDC").addKeyValue("source.ip", request.getRemoteAddr())
                        .addKeyValue("event.reason", e.getMessage())
                        .log("OpenID Connect sign-in refused: address={} reason={}", request.getRemoteAddr(), e.getMessage());
                    response.sendRedirect(request.getContextPath() + "/login?error=oidc");
                }));
        }
        return http.build();
    }
}
