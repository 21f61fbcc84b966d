package org.mvtm.routing;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.mvtm.core.event.EventBus;
import org.mvtm.routing.api.RoutingConfig;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.routing.api.RoutingEngines;
import org.mvtm.testing.RedisServerProcess;

/** The whole routing behaviour contract against a real redis-server (each test in its own key prefix). */
@Tag("peer")
class RedisRoutingTest extends RoutingBehaviourContract {
    private static RedisServerProcess redis;
    private static final AtomicInteger PREFIX = new AtomicInteger();

    @BeforeAll
    static void startRedis() {
        redis = RedisServerProcess.start(false);
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @Override
    RoutingEngine newEngine(RoutingConfig config, Clock clock, EventBus bus) {
        return RoutingEngines.redis(redis.uri(), "node-a", config.withRedisKeyPrefix("t" + PREFIX.incrementAndGet()), clock, bus);
    }
}
