package org.mvtm.server;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.core.signin.StrikeStore;
import org.mvtm.server.signin.RedisStrikeStore;
import redis.clients.jedis.RedisClient;

/** The throttle's contract with its counts in a real redis-server, as every node of a cluster shares them. */
@Tag("peer")
class RedisSignInThrottleTest extends SignInThrottleContract {
    @TempDir
    static Path dir;
    static RedisServerProcess redis;
    static RedisClient client;
    static int test;

    @BeforeAll
    static void start() throws Exception {
        redis = RedisServerProcess.start(dir);
        client = RedisClient.create(java.net.URI.create(redis.url()));
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
