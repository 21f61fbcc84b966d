package org.mvtm.core.signin;

import java.time.Duration;
import java.time.Instant;

/**
 * What the throttle says about an attempt before its password is looked at.
 *
 * @param kind       {@link Kind#GO}: check the password; {@link Kind#SLOWED}: refuse at once, try again after
 *                   {@code retryAfter}; {@link Kind#LOCKED}: the account is locked until {@code until}
 * @param scope      which limit refused it ({@code account}, {@code address}, {@code global}, {@code device}), or null
 * @param retryAfter how long the caller should wait (zero for GO)
 * @param until      when the refusal ends (null for GO)
 */
public record SignInVerdict(Kind kind, String scope, Duration retryAfter, Instant until) {
    public enum Kind {
        GO,
        SLOWED,
        LOCKED
    }

    static final SignInVerdict GO = new SignInVerdict(Kind.GO, null, Duration.ZERO, null);

    public boolean go() {
        return kind == Kind.GO;
    }

    /** The wait in whole seconds, at least 1 when refused (for Retry-After). */
    public long retryAfterSeconds() {
        if (go()) {
            return 0;
        }
        long s = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, s);
    }
}
