package org.mvtm.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.mvtm.core.signin.StrikeStore;
import org.mvtm.server.signin.RedisStrikeStore;
import org.mvtm.testing.RedisServerProcess;
import redis.clients.jedis.RedisClient;

/** The throttle's contract with its counts in a real redis-server, as every node of a cluster shares them. */
@Tag("peer")
class RedisSignInThrottleTest extends SignInThrottleContract {
    static RedisServerProcess redis;
    static RedisClient client;
    static int test;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisServerProcess.start();
        client = RedisClient.create(java.net.URI.create(redis.uri()));
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        redis.close();
    }

    @Override
    StrikeStore store() {
        return new RedisStrikeStore(client, "test" + (++test) + ":");
    }
}
