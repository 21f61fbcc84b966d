package org.mvtm.sip.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mvtm.sip.api.Binding;
import org.mvtm.sip.api.RegistrationStore;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.args.ExpiryOption;

/**
 * Bindings in Redis: one hash per address-of-record ({@code <prefix>reg:<aor>}), field = contact URI, value =
 * {@code expiresAtMillis|cseq|q|callId}. The key's TTL follows the latest binding so abandoned AORs disappear.
 *
 * <p>The TTL is relative ({@code PEXPIRE}), computed from the injected clock: Redis keeps time on its own clock, so
 * an absolute deadline from our clock would expire at once (or never) whenever the two disagree.
 */
public final class RedisRegistrationStore implements RegistrationStore {
    private final RedisClient redis;
    private final String prefix;
    private final Clock clock;

    public RedisRegistrationStore(RedisClient redis, String keyPrefix, Clock clock) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.prefix = keyPrefix == null ? "" : keyPrefix;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private String key(String aor) {
        return prefix + "reg:" + aor;
    }

    @Override
    public void put(Binding b) {
        String key = key(b.aor());
        redis.hset(key, b.contact(), encode(b));
        long ttlMillis = Math.max(1, Duration.between(clock.instant(), b.expiresAt()).toMillis()) + 1000;
        // the key lives as long as its longest binding: set a deadline if none, else only ever extend it
        redis.pexpire(key, ttlMillis, ExpiryOption.NX);
        redis.pexpire(key, ttlMillis, ExpiryOption.GT);
    }

    @Override
    public void remove(String aor, String contact) {
        redis.hdel(key(aor), contact);
    }

    @Override
    public void removeAll(String aor) {
        redis.del(key(aor));
    }

    @Override
    public List<Binding> bindings(String aor, Instant now) {
        String key = key(aor);
        Map<String, String> all = redis.hgetAll(key);
        List<Binding> out = new ArrayList<>();
        for (Map.Entry<String, String> e : all.entrySet()) {
            Binding b = decode(aor, e.getKey(), e.getValue());
            if (b == null || !b.activeAt(now)) {
                redis.hdel(key, e.getKey());
            } else {
                out.add(b);
            }
        }
        out.sort(InMemoryRegistrationStore.BY_PREFERENCE);
        return out;
    }

    static String encode(Binding b) {
        return b.expiresAt().toEpochMilli() + "|" + b.cseq() + "|" + b.q() + "|" + b.callId();
    }

    static Binding decode(String aor, String contact, String value) {
        String[] p = value.split("\\|", 4);
        if (p.length != 4) {
            return null;
        }
        try {
            return new Binding(aor, contact, Instant.ofEpochMilli(Long.parseLong(p[0])), p[3],
                    Long.parseLong(p[1]), Float.parseFloat(p[2]));
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
