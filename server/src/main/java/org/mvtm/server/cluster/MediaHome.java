package org.mvtm.server.cluster;

import java.util.Optional;
import org.mvtm.core.id.InteractionId;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Which node holds an interaction's media session. The first node that needs the session claims it (an atomic
 * {@code SET NX} in Redis with a day's expiry); every other node forwards its legs there. The same node records the
 * session, so the recording tap always sits next to the relay.
 */
public final class MediaHome {
    private static final long TTL_SECONDS = 24 * 3600;
    private final RedisClient redis;
    private final String prefix;
    private final String selfUrl;

    public MediaHome(RedisClient redis, String keyPrefix, String selfUrl) {
        this.redis = redis;
        this.prefix = keyPrefix + ":media-home:";
        this.selfUrl = selfUrl;
    }

    public String self() {
        return selfUrl;
    }

    /** The home node's base URL, claiming it for this node when nobody has. */
    public String claim(InteractionId interaction) {
        String key = prefix + interaction.value();
        redis.set(key, selfUrl, SetParams.setParams().nx().ex(TTL_SECONDS));
        String home = redis.get(key);
        return home == null ? selfUrl : home;
    }

    public Optional<String> find(InteractionId interaction) {
        return Optional.ofNullable(redis.get(prefix + interaction.value()));
    }

    public boolean isHere(InteractionId interaction) {
        return selfUrl.equals(claim(interaction));
    }

    /** Forgets the claim when this node held it (the call is over). */
    public void release(InteractionId interaction) {
        String key = prefix + interaction.value();
        if (selfUrl.equals(redis.get(key))) {
            redis.del(key);
        }
    }
}
