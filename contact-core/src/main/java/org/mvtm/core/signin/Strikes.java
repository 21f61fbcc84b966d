package org.mvtm.core.signin;

import java.time.Instant;

/**
 * Failures counted under one key (an account, an address, everyone) since the count last started.
 *
 * @param failures    wrong passwords counted
 * @param last        when the latest one happened
 * @param lockedUntil when an account lock ends, or null
 */
public record Strikes(int failures, Instant last, Instant lockedUntil) {
    public static final Strikes NONE = new Strikes(0, Instant.EPOCH, null);
}
