package org.mvtm.server.cluster;

import java.time.Duration;
import java.util.Optional;
import org.mvtm.web.api.ConversationStore;
import org.mvtm.web.api.StoredConversation;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;
import tools.jackson.databind.json.JsonMapper;

/**
 * Web customers' conversations in the shared Redis ({@code <prefix>:conversation:<id>}, JSON, expiring a day after
 * their last change): when the node holding a customer's socket dies, the page reconnects to another node and finds
 * its transcript, status, queue place and advisor there.
 */
public final class RedisConversationStore implements ConversationStore {
    private static final Duration KEEP = Duration.ofHours(24);

    private final RedisClient redis;
    private final String prefix;
    private final JsonMapper json;

    public RedisConversationStore(RedisClient redis, String keyPrefix, JsonMapper json) {
        this.redis = redis;
        this.prefix = keyPrefix + ":conversation:";
        this.json = json;
    }

    @Override
    public void save(StoredConversation conversation) {
        redis.set(prefix + conversation.id(), json.writeValueAsString(conversation),
                SetParams.setParams().ex(KEEP.toSeconds()));
    }

    @Override
    public Optional<StoredConversation> load(String conversationId) {
        String stored = redis.get(prefix + conversationId);
        return stored == null ? Optional.empty() : Optional.of(json.readValue(stored, StoredConversation.class));
    }

    @Override
    public void remove(String conversationId) {
        redis.del(prefix + conversationId);
    }
}
