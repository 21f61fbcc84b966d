package org.mvtm.sip.api;

import java.time.Duration;

/**
 * Flood protection per source address: a token bucket refilled at {@code requestsPerSecond} holding at most
 * {@code burst} tokens. New requests beyond it get {@code 503 Service Unavailable} with {@code Retry-After};
 * in-dialog requests of established calls (BYE, ACK, re-INVITE, ...) are never limited.
 */
public record FloodLimits(double requestsPerSecond, int burst, Duration retryAfter) {
    public FloodLimits {
        ConfigChecks.requirePositive("flood limit requestsPerSecond", requestsPerSecond);
        ConfigChecks.requireAtLeastOne("flood limit burst", burst);
        ConfigChecks.requirePositive("flood limit retryAfter", retryAfter);
    }

    /** Generous defaults for a contact center: 200 requests/s sustained, bursts of 400, retry after 5 s. */
    public static FloodLimits defaults() {
        return new FloodLimits(200, 400, Duration.ofSeconds(5));
    }
}
