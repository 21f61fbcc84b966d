package org.mvtm.sip.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mvtm.core.Party;
import org.mvtm.core.id.InteractionId;
import org.mvtm.sip.api.SharedDialog;
import org.mvtm.sip.api.SharedDialogs;
import org.mvtm.sip.api.SipTransport;
import redis.clients.jedis.RedisClient;

/**
 * Dialogs in Redis: one hash per dialog ({@code <prefix>dialog:<call-id>}, a field per {@link SharedDialog}
 * component, the route set one value per line), a set of Call-IDs per holding node ({@code <prefix>dialogs-of:<node>})
 * and the set of holding nodes ({@code <prefix>dialog-nodes}). A dialog nobody ended (every node died) expires after
 * a day.
 */
public final class RedisSharedDialogs implements SharedDialogs {
    private static final long TTL_SECONDS = 24 * 3600;

    private final RedisClient redis;
    private final String prefix;
    private final String self;

    public RedisSharedDialogs(RedisClient redis, String keyPrefix, String self) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.prefix = keyPrefix == null ? "" : keyPrefix;
        this.self = Objects.requireNonNull(self, "node");
    }

    private String key(String callId) {
        return prefix + "dialog:" + callId;
    }

    private String heldByKey(String node) {
        return prefix + "dialogs-of:" + node;
    }

    private String nodesKey() {
        return prefix + "dialog-nodes";
    }

    @Override
    public String self() {
        return self;
    }

    @Override
    public void save(SharedDialog dialog) {
        String key = key(dialog.callId());
        String before = redis.hget(key, "node");
        redis.hset(key, encode(dialog.heldBy(self)));
        redis.expire(key, TTL_SECONDS);
        redis.sadd(heldByKey(self), dialog.callId());
        redis.sadd(nodesKey(), self);
        if (before != null && !before.equals(self)) {
            redis.srem(heldByKey(before), dialog.callId());
        }
    }

    @Override
    public Optional<SharedDialog> find(String callId) {
        return Optional.ofNullable(decode(redis.hgetAll(key(callId))));
    }

    @Override
    public void remove(String callId) {
        String key = key(callId);
        String node = redis.hget(key, "node");
        redis.del(key);
        if (node != null) {
            redis.srem(heldByKey(node), callId);
        }
    }

    @Override
    public List<SharedDialog> heldBy(String node) {
        List<SharedDialog> out = new ArrayList<>();
        for (String callId : redis.smembers(heldByKey(node))) {
            SharedDialog d = decode(redis.hgetAll(key(callId)));
            if (d == null || !d.node().equals(node)) {
                redis.srem(heldByKey(node), callId); // ended, expired or moved to another node
            } else {
                out.add(d);
            }
        }
        if (out.isEmpty()) {
            redis.srem(nodesKey(), node);
        }
        return out;
    }

    @Override
    public Set<String> nodes() {
        return redis.smembers(nodesKey());
    }

    static Map<String, String> encode(SharedDialog d) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("callId", d.callId());
        m.put("localTag", d.localTag());
        m.put("remoteTag", d.remoteTag());
        m.put("localUri", d.localUri());
        m.put("remoteUri", d.remoteUri());
        m.put("remoteTarget", d.remoteTarget());
        m.put("routeSet", String.join("\n", d.routeSet()));
        m.put("transport", d.transport().name());
        m.put("localCseq", Long.toString(d.localCseq()));
        m.put("remoteCseq", Long.toString(d.remoteCseq()));
        m.put("peerSdp", d.peerSdp());
        m.put("interaction", d.interaction().value());
        m.put("party", d.party().name());
        m.put("node", d.node());
        return m;
    }

    /** The dialog of a hash, or null when the hash is gone or not one this store wrote. */
    static SharedDialog decode(Map<String, String> m) {
        if (m == null || m.get("callId") == null) {
            return null;
        }
        try {
            String routes = m.getOrDefault("routeSet", "");
            return new SharedDialog(m.get("callId"), m.get("localTag"), m.get("remoteTag"), m.get("localUri"),
                    m.get("remoteUri"), m.get("remoteTarget"),
                    routes.isEmpty() ? List.of() : Arrays.asList(routes.split("\n")),
                    SipTransport.valueOf(m.get("transport")), Long.parseLong(m.get("localCseq")),
                    Long.parseLong(m.get("remoteCseq")), m.get("peerSdp"), InteractionId.of(m.get("interaction")),
                    Party.valueOf(m.get("party")), m.get("node"));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
