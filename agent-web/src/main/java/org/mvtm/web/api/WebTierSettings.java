package org.mvtm.web.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Tunables of the web tier. The server may provide a bean of this type; otherwise {@link #defaults()} applies.
 *
 * @param allowedOrigins     extra origins (scheme://host:port) allowed to open WebSockets; the page's own origin is
 *                           always allowed and nothing else is unless listed here
 * @param sessionTimeout     idle time after which a signed-in session expires
 * @param maxFailedLogins    no longer used: the sign-in throttle's {@code ThrottleSettings} (contact-core) decide when
 *                           an account is slowed and locked
 * @param lockout            how long a locked login stays locked, when the server gives no {@code ThrottleSettings}
 * @param nodeName           this server node's name, shown in the consoles
 * @param consoleGrace       how long an advisor's console may stay disconnected (a reload, a network drop) before
 *                           the advisor is logged out; offers are withdrawn from a disconnected console at once
 * @param customerGrace      how long a queued customer's page may stay disconnected before the customer counts as
 *                           gone: the interaction is abandoned and leaves the queue
 */
public record WebTierSettings(List<String> allowedOrigins, Duration sessionTimeout, int maxFailedLogins,
                              Duration lockout, String nodeName, Duration consoleGrace, Duration customerGrace) {
    public static final Duration DEFAULT_CONSOLE_GRACE = Duration.ofSeconds(60);
    public static final Duration DEFAULT_CUSTOMER_GRACE = Duration.ofSeconds(60);

    public WebTierSettings(List<String> allowedOrigins, Duration sessionTimeout, int maxFailedLogins, Duration lockout,
                           String nodeName) {
        this(allowedOrigins, sessionTimeout, maxFailedLogins, lockout, nodeName, DEFAULT_CONSOLE_GRACE, DEFAULT_CUSTOMER_GRACE);
    }

    public WebTierSettings {
        allowedOrigins = List.copyOf(allowedOrigins == null ? List.of() : allowedOrigins);
        for (String origin : allowedOrigins) {
            if (origin.equals("*") || origin.contains("*")) {
                throw new IllegalArgumentException("wildcard WebSocket origins are not allowed: '" + origin + "'");
            }
        }
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        Objects.requireNonNull(lockout, "lockout");
        if (sessionTimeout.toMinutes() < 1) {
            throw new IllegalArgumentException("session timeout must be at least one minute but was " + sessionTimeout);
        }
        if (maxFailedLogins < 1) {
            throw new IllegalArgumentException("maxFailedLogins must be at least 1 but was " + maxFailedLogins);
        }
        nodeName = nodeName == null || nodeName.isBlank() ? "node-1" : nodeName;
        Objects.requireNonNull(consoleGrace, "consoleGrace");
        Objects.requireNonNull(customerGrace, "customerGrace");
        if (consoleGrace.isNegative() || customerGrace.isNegative()) {
            throw new IllegalArgumentException("grace periods must not be negative but were consoleGrace=" + consoleGrace
                    + ", customerGrace=" + customerGrace);
        }
    }

    public static WebTierSettings defaults() {
        return new WebTierSettings(List.of(), Duration.ofMinutes(30), 5, Duration.ofMinutes(15), "node-1");
    }
}
