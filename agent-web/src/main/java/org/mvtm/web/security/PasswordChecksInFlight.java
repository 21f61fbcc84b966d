package org.mvtm.web.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many sign-in form posts from one address this node is checking at once. The sign-in throttle counts only
 * wrong passwords against an address, so that staff behind one proxy can all sign in at a shift start; this bound
 * keeps a burst of guesses from one address from making the node hash passwords for all of them at once (each check
 * is a deliberately slow hash): past {@code max} in flight, the next is refused until one has finished.
 */
final class PasswordChecksInFlight {
    private final int max;
    /** Per address, the checks in flight (absent: none); changed only inside the map's atomic compute. */
    private final Map<String, Integer> byAddress = new ConcurrentHashMap<>();

    PasswordChecksInFlight(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1 but was " + max);
        }
        this.max = max;
    }

    /** True if a check from {@code address} may start now; it must then be {@link #finished}. */
    boolean start(String address) {
        boolean[] started = {false};
        byAddress.compute(address, (a, n) -> {
            int now = n == null ? 0 : n;
            if (now >= max) {
                return now;
            }
            started[0] = true;
            return now + 1;
        });
        return started[0];
    }

    void finished(String address) {
        byAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
    }

    /** Checks in flight from {@code address} now. */
    int inFlight(String address) {
        return byAddress.getOrDefault(address, 0);
    }
}
