package org.mvtm.routing;

import java.time.Clock;
import org.mvtm.core.event.EventBus;
import org.mvtm.routing.api.RoutingConfig;
import org.mvtm.routing.store.RoutingStore;

/** Placeholder while the engine is being written; the api is published first so other modules compile. */
public abstract class RoutingEngineImpl implements org.mvtm.routing.api.RoutingEngine {
    protected RoutingEngineImpl(RoutingStore store, String node, RoutingConfig config, Clock clock, EventBus events, boolean local) {
        throw new UnsupportedOperationException("routing engine implementation in progress");
    }
}
