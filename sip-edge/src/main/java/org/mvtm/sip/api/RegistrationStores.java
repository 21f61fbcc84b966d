package org.mvtm.sip.api;

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
     * all nodes. The caller owns {@code redis} and closes it.
     */
    public static RegistrationStore redis(RedisClient redis, String keyPrefix) {
        return new RedisRegistrationStore(redis, keyPrefix);
    }
}
