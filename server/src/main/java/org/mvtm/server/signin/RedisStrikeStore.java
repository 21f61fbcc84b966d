package org.mvtm.server.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mvtm.core.signin.StrikeStore;
import org.mvtm.core.signin.Strikes;
import redis.clients.jedis.RedisClient;

/**
 * Strikes shared by every node: one hash per key ({@code <prefix>signin:<key>}, fields {@code n}, {@code last},
 * {@code lock} in epoch milliseconds of the throttle's clock). An attempt is admitted and counted by one Lua script,
 * so attempts on two nodes at once are never both let through nor lost. Redis' own TTL ({@code PEXPIRE}, relative, as in {@code RedisRegistrationStore})
 * only clears keys nobody reads any more; whether a count is current is decided against the injected clock.
 */
public final class RedisStrikeStore implements StrikeStore {
    /** KEYS[1]; ARGV: now, forget, ttl, then the delays (ms) after 0, 1, 2... counted attempts. */
    private static final String ADMIT = """
            local f = redis.call('HMGET', KEYS[1], 'n', 'last', 'lock')
            local now = tonumber(ARGV[1])
            local n = tonumber(f[1]) or 0
            local last = tonumber(f[2]) or 0
            local lock = tonumber(f[3])
            local stale
            if lock then stale = now >= lock else stale = now >= last + tonumber(ARGV[2]) end
            if stale then
              n = 0
              last = 0
              lock = nil
              redis.call('DEL', KEYS[1])
            end
            if lock then return {0, n, last, lock, 1} end
            local delays = #ARGV - 3
            local i = n + 1
            if i > delays then i = delays end
            local notBefore = last + tonumber(ARGV[3 + i])
            if n > 0 and now < notBefore then return {0, n, last, notBefore, 0} end
            n = n + 1
            redis.call('HSET', KEYS[1], 'n', n, 'last', now)
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return {1, n, now, now, 0}
            """;
    private static final String FORGIVE = """
            local f = redis.call('HMGET', KEYS[1], 'n', 'lock')
            local n = tonumber(f[1])
            if not n then return 0 end
            if n <= 1 and not f[2] then
              redis.call('DEL', KEYS[1])
            elseif n > 0 then
              redis.call('HSET', KEYS[1], 'n', n - 1)
            end
            return 0
            """;

    private final RedisClient redis;
    private final String prefix;

    public RedisStrikeStore(RedisClient redis, String keyPrefix) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.prefix = keyPrefix == null ? "" : keyPrefix;
    }

    private String key(String key) {
        return prefix + "signin:" + key;
    }

    @Override
    public Strikes read(String key, Instant now, Duration forget) {
        List<String> f = redis.hmget(key(key), "n", "last", "lock");
        if (f.get(0) == null || f.get(1) == null) {
            return Strikes.NONE;
        }
        Strikes s = new Strikes(Integer.parseInt(f.get(0)), Instant.ofEpochMilli(Long.parseLong(f.get(1))),
                f.get(2) == null ? null : Instant.ofEpochMilli(Long.parseLong(f.get(2))));
        boolean stale = s.lockedUntil() != null ? !now.isBefore(s.lockedUntil()) : !now.isBefore(s.last().plus(forget));
        return stale ? Strikes.NONE : s;
    }

    @Override
    public Admission admit(String key, Instant now, Duration forget, List<Duration> delays) {
        List<String> args = new ArrayList<>(3 + delays.size());
        args.add(Long.toString(now.toEpochMilli()));
        args.add(Long.toString(forget.toMillis()));
        args.add(Long.toString(forget.toMillis() + 60_000));
        delays.forEach(d -> args.add(Long.toString(d.toMillis())));
        List<?> out = (List<?>) redis.eval(ADMIT, List.of(key(key)), args);
        boolean admitted = number(out, 0) == 1;
        boolean locked = number(out, 4) == 1;
        Strikes strikes = new Strikes((int) number(out, 1), Instant.ofEpochMilli(number(out, 2)),
                locked ? Instant.ofEpochMilli(number(out, 3)) : null);
        return new Admission(admitted, strikes, Instant.ofEpochMilli(number(out, 3)), locked);
    }

    @Override
    public void forgive(String key) {
        redis.eval(FORGIVE, List.of(key(key)), List.of());
    }

    private static long number(List<?> out, int i) {
        return ((Number) out.get(i)).longValue();
    }

    @Override
    public void lock(String key, Instant until, Instant now) {
        String k = key(key);
        redis.hset(k, "lock", Long.toString(until.toEpochMilli()));
        redis.hsetnx(k, "n", "0");
        redis.hsetnx(k, "last", Long.toString(now.toEpochMilli()));
        redis.pexpire(k, Math.max(1, Duration.between(now, until).toMillis()) + 60_000);
    }

    @Override
    public void clear(String key) {
        redis.del(key(key));
    }
}
