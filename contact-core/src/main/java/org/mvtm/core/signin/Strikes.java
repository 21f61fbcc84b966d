package org.mvtm.core.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Failures counted under one key (an account, an address, everyone) since the count last started.
 *
 * @param failures    wrong passwords counted
 * @param last        when the latest one happened
 * @param lockedUntil when an account lock ends, or null
 */
public record Strikes(int failures, Instant last, Instant lockedUntil) {
    public static final Strikes NONE = new Strikes(0, Instant.EPOCH, null);

    /**
     * When the next attempt may come: {@code last} plus the delay after this many failures ({@code delays[failures]},
     * the last entry repeating). The one rule of {@link StrikeStore#admit} and of the throttle's own reads.
     */
    public Instant notBefore(List<Duration> delays) {
        return last.plus(delays.get(Math.min(failures, delays.size() - 1)));
    }

    /** Whether an attempt at {@code now} comes too soon (never before the first failure). */
    public boolean slows(Instant now, List<Duration> delays) {
        return failures > 0 && now.isBefore(notBefore(delays));
    }
}
