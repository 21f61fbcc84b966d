package org.mvtm.server;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;

/**
 * Actuator endpoints. On the application port: {@code /actuator/health} (and its liveness/readiness groups) answers
 * anyone with the status only, for the load balancer; its details ({@code show-details: when-authorized}) and
 * {@code /actuator/prometheus} and {@code /actuator/info} need a signed-in administrator or supervisor (the
 * consoles' session). On a separate management port ({@code management.server.port}, bound to an internal address),
 * which only the monitoring network reaches, health, metrics and info are open. Every other actuator endpoint is
 * refused. The web tier's own filter chains cover everything else.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain actuatorChain(HttpSecurity http, Environment environment) throws Exception {
        int managementPort = environment.getProperty("management.server.port", Integer.class, -1);
        int serverPort = environment.getProperty("server.port", Integer.class, 8080);
        boolean ownPort = managementPort > 0 && managementPort != serverPort;
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(a -> {
                    a.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
                    if (ownPort) {
                        a.requestMatchers("/actuator/prometheus", "/actuator/info").permitAll();
                    } else {
                        a.requestMatchers("/actuator/prometheus", "/actuator/info").hasAnyRole("ADMIN", "SUPERVISOR");
                    }
                    a.anyRequest().denyAll();
                })
                .exceptionHandling(e -> e.authenticationEntryPoint(
                        new HttpStatusEntryPoint(
                                HttpStatus.UNAUTHORIZED)))
                .csrf(c -> c.disable())
                // reads a console's sign-in (for health details and metrics) but never creates a session
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER));
        return http.build();
    }

    /** Node-to-node media signalling; the controller checks the cluster secret on every request. */
    @Bean
    @Order(1)
    SecurityFilterChain internalChain(HttpSecurity http) throws Exception {
        http.securityMatcher("/internal/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
