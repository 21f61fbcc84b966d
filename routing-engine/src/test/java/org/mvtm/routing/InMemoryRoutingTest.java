package org.mvtm.routing;

import java.time.Clock;
import org.mvtm.core.event.EventBus;
import org.mvtm.routing.api.RoutingConfig;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.routing.api.RoutingEngines;

class InMemoryRoutingTest extends RoutingBehaviourContract {
    @Override
    RoutingEngine newEngine(RoutingConfig config, Clock clock, EventBus bus) {
        return RoutingEngines.inMemory(config, clock, bus);
    }
}
