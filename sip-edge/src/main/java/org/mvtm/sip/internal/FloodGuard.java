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
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long lastMillis;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.lastMillis = now;
        }
    }

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
            buckets.values().removeIf(x -> now - x.lastMillis > idle);
        }
        Bucket b = buckets.computeIfAbsent(source, s -> new Bucket(limits.burst(), now));
        synchronized (b) {
            long elapsed = Math.max(0, now - b.lastMillis);
            b.lastMillis = now;
            b.tokens = Math.min(limits.burst(), b.tokens + elapsed * limits.requestsPerSecond() / 1000.0);
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return true;
            }
            return false;
        }
    }

    long retryAfterSeconds() {
        return Math.max(1, limits.retryAfter().toSeconds());
    }
}
