package org.mvtm.routing.api;

import java.time.Clock;
import org.mvtm.core.event.EventBus;
import org.mvtm.routing.RoutingEngineImpl;
import org.mvtm.routing.store.InMemoryRoutingStore;
import org.mvtm.routing.store.RedisRoutingStore;

/** Creates routing engines. */
public final class RoutingEngines {
    private RoutingEngines() {
    }

    /** A single-node engine keeping its state in memory. */
    public static RoutingEngine inMemory(RoutingConfig config, Clock clock, EventBus events) {
        return new RoutingEngineImpl(new InMemoryRoutingStore(), "local", config, clock, events, true);
    }

    /**
     * An engine sharing its state with other nodes through Redis ({@code redis://host:port}); {@code nodeId} names this
     * server node and must differ between nodes.
     */
    public static RoutingEngine redis(String redisUri, String nodeId, RoutingConfig config, Clock clock, EventBus events) {
        return new RoutingEngineImpl(new RedisRoutingStore(redisUri, config.redisKeyPrefix(), config.defaultCapacity()), nodeId, config, clock, events, false);
    }
}
