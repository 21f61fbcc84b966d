package org.mvtm.sip.internal;

import java.time.Clock;

/** A token bucket refilled by the injected clock: {@code perSecond} tokens a second, at most {@code capacity}. */
final class TokenBucket {
    private final double perSecond;
    private final double capacity;
    private final Clock clock;
    private double tokens;
    private long lastMillis;

    TokenBucket(double perSecond, double capacity, Clock clock) {
        this.perSecond = perSecond;
        this.capacity = capacity;
        this.clock = clock;
        this.tokens = capacity;
        this.lastMillis = clock.millis();
    }

    /** Takes one token; false if the bucket is empty. */
    synchronized boolean take() {
        long now = clock.millis();
        long elapsed = Math.max(0, now - lastMillis);
        lastMillis = now;
        tokens = Math.min(capacity, tokens + elapsed * perSecond / 1000.0);
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Whether the bucket has been left alone long enough to be full again. */
    synchronized boolean idleSince(long millis) {
        return lastMillis < millis;
    }
}
