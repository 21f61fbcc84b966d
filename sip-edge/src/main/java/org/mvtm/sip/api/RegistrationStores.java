package org.mvtm.sip.api;

import java.time.Clock;
import org.mvtm.sip.internal.InMemoryRegistrationStore;
import org.mvtm.sip.internal.RedisRegistrationStore;
import redis.clients.jedis.RedisClient;

/** Creates the registration stores. */
public final class RegistrationStores {
    private RegistrationStores() {
    }

    /** Bindings in this JVM only (one node, tests). */
    public static RegistrationStore inMemory() {
        return new InMemoryRegistrationStore();
    }

    /**
     * Bindings in Redis under {@code <keyPrefix>reg:<aor>} (a hash contact → binding, with a key TTL), shared by
     * all nodes. The key's TTL is relative, from {@code clock}, so it does not depend on Redis's clock agreeing
     * with ours. The caller owns {@code redis} and closes it.
     */
    public static RegistrationStore redis(RedisClient redis, String keyPrefix, Clock clock) {
        return new RedisRegistrationStore(redis, keyPrefix, clock);
    }
}
