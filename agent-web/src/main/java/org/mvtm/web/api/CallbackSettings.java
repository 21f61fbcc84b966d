package org.mvtm.web.api;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * In-queue callbacks for web customers ({@code contact.wait.callbacks.*}).
 *
 * @param attempts how many times the server tries to reach the customer once an advisor took the callback
 * @param interval the time between two attempts
 * @param webhook  where each attempt is also POSTed (JSON), for a bank's app to push a notification to the customer
 */
public record CallbackSettings(int attempts, Duration interval, Optional<URI> webhook) {
    public CallbackSettings {
        if (attempts < 1 || attempts > 10) {
            throw new IllegalArgumentException("callback attempts must be 1..10 but was " + attempts);
        }
        Objects.requireNonNull(interval, "callback interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the callback interval must be positive");
        }
        webhook = webhook == null ? Optional.empty() : webhook;
    }

    public static CallbackSettings defaults() {
        return new CallbackSettings(3, Duration.ofMinutes(1), Optional.empty());
    }
}
