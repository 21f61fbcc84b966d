package org.mvtm.core.signin;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of the {@link SignInThrottle}. After the free failures of a scope, each further attempt in that scope
 * must wait {@code firstDelay}, doubled for every failure after it (up to the scope's cap), counted from the latest
 * failure; an attempt that comes sooner is refused without its password being looked at.
 *
 * @param accountFree   wrong passwords for one account (from anywhere, on any channel) before it is slowed
 * @param addressFree   wrong passwords from one address (for any accounts) before it is slowed
 * @param globalFree    wrong passwords from everywhere within one {@code globalWindow} before every sign-in
 *                      without a known device is slowed (password spraying from many addresses)
 * @param lockAfter     wrong passwords for one account that lock it for {@code lockout} on every channel: reaching
 *                      it through the account's and the addresses' delays takes a sustained, targeted attack
 * @param firstDelay    the first delay
 * @param maxDelay      the longest delay of an account or an address
 * @param globalMaxDelay the longest delay the global limit imposes
 * @param lockout       how long a lock lasts
 * @param forget        a count with no failure for this long starts again
 * @param globalWindow  the global count restarts every window
 */
public record ThrottleSettings(
        int accountFree,
        int addressFree,
        int globalFree,
        int lockAfter,
        Duration firstDelay,
        Duration maxDelay,
        Duration globalMaxDelay,
        Duration lockout,
        Duration forget,
        Duration globalWindow) {
    public ThrottleSettings {
        if (accountFree < 1 || addressFree < 1 || globalFree < 1) {
            throw new IllegalArgumentException("accountFree, addressFree and globalFree must be at least 1 but were "
                    + accountFree + ", " + addressFree + ", " + globalFree);
        }
        if (lockAfter <= accountFree) {
            throw new IllegalArgumentException("lockAfter (" + lockAfter + ") must exceed accountFree (" + accountFree
                    + "): an account is slowed before it is locked");
        }
        positive("firstDelay", firstDelay);
        positive("maxDelay", maxDelay);
        positive("globalMaxDelay", globalMaxDelay);
        positive("lockout", lockout);
        positive("forget", forget);
        positive("globalWindow", globalWindow);
    }

    /** 3 free per account, 5 per address, 200 per minute overall; lock after 10; delays 1 s doubling to 5 min. */
    public static ThrottleSettings defaults() {
        return new ThrottleSettings(
                3,
                5,
                200,
                10,
                Duration.ofSeconds(1),
                Duration.ofMinutes(5),
                Duration.ofSeconds(10),
                Duration.ofMinutes(15),
                Duration.ofMinutes(15),
                Duration.ofMinutes(1));
    }

    /** The same limits with another lockout (and forget period no shorter than it). */
    public ThrottleSettings withLockout(Duration lockout) {
        Duration f = forget.compareTo(lockout) < 0 ? lockout : forget;
        return new ThrottleSettings(
                accountFree,
                addressFree,
                globalFree,
                lockAfter,
                firstDelay,
                maxDelay,
                globalMaxDelay,
                lockout,
                f,
                globalWindow);
    }

    /** How long the attempt after {@code failures} must wait: zero before {@code free}, then doubling. */
    Duration delay(int failures, int free, Duration cap) {
        if (failures < free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(30, failures - free);
        Duration d = firstDelay.multipliedBy(1L << doublings);
        return d.compareTo(cap) > 0 ? cap : d;
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration but was " + d);
        }
    }
}
