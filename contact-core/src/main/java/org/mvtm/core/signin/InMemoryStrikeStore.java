package org.mvtm.core.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Strikes of one node. A flood of random names or addresses cannot grow it without bound. */
public final class InMemoryStrikeStore implements StrikeStore {
    /** Above this many keys, those older than the forget period are dropped. */
    static final int MAX_TRACKED = 50_000;

    private final ConcurrentMap<String, Strikes> strikes = new ConcurrentHashMap<>();

    @Override
    public Admission admit(String key, Instant now, Duration forget, List<Duration> delays) {
        if (strikes.size() >= MAX_TRACKED) {
            strikes.values().removeIf(s -> stale(s, now, forget));
        }
        Admission[] out = new Admission[1];
        strikes.compute(key, (k, before) -> {
            Strikes s = before == null || stale(before, now, forget) ? Strikes.NONE : before;
            if (s.lockedUntil() != null) {
                out[0] = new Admission(false, s, s.lockedUntil(), true);
                return s;
            }
            if (s.slows(now, delays)) {
                out[0] = new Admission(false, s, s.notBefore(delays), false);
                return s;
            }
            Strikes after = new Strikes(s.failures() + 1, now, null);
            out[0] = new Admission(true, after, now, false);
            return after;
        });
        return out[0];
    }

    @Override
    public void forgive(String key) {
        // a count back at zero without a lock is nothing to remember
        strikes.computeIfPresent(
                key,
                (k, s) -> s.failures() <= 1 && s.lockedUntil() == null
                        ? null
                        : new Strikes(Math.max(0, s.failures() - 1), s.last(), s.lockedUntil()));
    }

    @Override
    public Strikes read(String key, Instant now, Duration forget) {
        Strikes s = strikes.get(key);
        return s == null || stale(s, now, forget) ? Strikes.NONE : s;
    }

    @Override
    public void lock(String key, Instant until, Instant now) {
        strikes.compute(
                key,
                (k, before) -> before == null
                        ? new Strikes(0, now, until)
                        : new Strikes(before.failures(), before.last(), until));
    }

    @Override
    public void clear(String key) {
        strikes.remove(key);
    }

    private static boolean stale(Strikes s, Instant now, Duration forget) {
        // a lock that has ended starts a new count; otherwise a count is forgotten after a quiet period
        return s.lockedUntil() != null
                ? !now.isBefore(s.lockedUntil())
                : !now.isBefore(s.last().plus(forget));
    }
}
