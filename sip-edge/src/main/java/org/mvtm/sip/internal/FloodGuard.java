package org.mvtm.sip.internal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.sip.api.FloodLimits;

/**
 * A token bucket per source address, refilled by the injected clock. Only out-of-dialog requests are counted;
 * the caller never asks for requests inside established dialogs, so established calls are never dropped.
 */
final class FloodGuard {
    private final FloodLimits limits;
    private final Clock clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    FloodGuard(FloodLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Takes one token for {@code source}; false if the source is over its limit. */
    boolean admit(String source) {
        long now = clock.millis();
        if (buckets.size() > 50_000) {
            // forget idle sources whose bucket would be full again anyway
            long idle = (long) (limits.burst() / limits.requestsPerSecond() * 1000) + 1000;
            buckets.values().removeIf(x -> x.idleSince(now - idle));
        }
        return buckets.computeIfAbsent(source, s -> new TokenBucket(limits.requestsPerSecond(), limits.burst(), clock))
                .take();
    }

    long retryAfterSeconds() {
        return Math.max(1, limits.retryAfter().toSeconds());
    }
}
