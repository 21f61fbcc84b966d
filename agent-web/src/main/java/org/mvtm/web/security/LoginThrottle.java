package org.mvtm.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts wrong passwords per login name and locks the login for a while after too many in a row.
 *
 * <pre>
 *   OPEN --wrong password (n &lt; max)--&gt; OPEN (n+1)
 *   OPEN --wrong password (n = max)--&gt; LOCKED until now + lockout
 *   LOCKED --clock passes lockedUntil--&gt; OPEN (count reset)
 *   OPEN --successful sign-in--&gt; OPEN (count reset)
 * </pre>
 * Unknown login names are counted the same way so an attacker cannot tell which names exist. While locked, even the
 * right password is refused (the check happens before the password is compared).
 */
public final class LoginThrottle {
    private record Attempts(int failures, Instant lockedUntil, Instant lastFailure) {
    }

    /** Above this many tracked logins, entries idle for longer than the lockout are dropped (random-name floods). */
    static final int MAX_TRACKED = 10_000;

    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;
    private final ConcurrentMap<String, Attempts> byLogin = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, int maxFailures, Duration lockout) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    /** Records a wrong password; returns when the login is locked until, if this failure locked it. */
    public Optional<Instant> recordFailure(String login) {
        Instant now = clock.instant();
        if (byLogin.size() >= MAX_TRACKED) {
            byLogin.values().removeIf(a -> a.lockedUntil() == null ? a.lastFailure().plus(lockout).isBefore(now)
                    : !now.isBefore(a.lockedUntil()));
        }
        Attempts after = byLogin.compute(key(login), (k, before) -> {
            if (before == null || (before.lockedUntil() != null && !now.isBefore(before.lockedUntil()))) {
                before = new Attempts(0, null, now);
            }
            if (before.lockedUntil() != null) {
                return before;
            }
            int failures = before.failures() + 1;
            return new Attempts(failures, failures >= maxFailures ? now.plus(lockout) : null, now);
        });
        return Optional.ofNullable(after.lockedUntil());
    }

    public void recordSuccess(String login) {
        byLogin.remove(key(login));
    }

    /** When the login's lock ends, if it is locked now. */
    public Optional<Instant> lockedUntil(String login) {
        Attempts attempts = byLogin.get(key(login));
        if (attempts == null || attempts.lockedUntil() == null) {
            return Optional.empty();
        }
        return clock.instant().isBefore(attempts.lockedUntil()) ? Optional.of(attempts.lockedUntil()) : Optional.empty();
    }

    int tracked() {
        return byLogin.size();
    }

    public Duration lockout() {
        return lockout;
    }

    private static String key(String login) {
        return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
    }
}
