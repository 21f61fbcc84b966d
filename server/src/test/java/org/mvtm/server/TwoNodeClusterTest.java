package org.mvtm.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.testing.RedisServerProcess;

/**
 * Two server nodes on loopback (own HTTP, SIP and media ports, own data directories) sharing one real redis-server.
 * An advisor on node A is offered a customer who arrived on node B and they talk through one relay and chat across
 * the nodes; then a customer waits on node B, node A is stopped, and the advisor signing in on node B gets the
 * customer who waited. Run it alone with: ./mvnw -pl server verify -Dtest=TwoNodeClusterTest
 */
@Tag("peer")
class TwoNodeClusterTest {
    private static final String SECRET = "two-node-test-secret-0123456789";

    @Test
    void advisorOnOneNodeServesCustomerOnTheOtherAndNoWaitingCustomerIsLostWhenANodeStops(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("redis"));
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        try (RedisServerProcess redis = RedisServerProcess.start();
             ServerProcess a = node(dir.resolve("a"), "node-a", redis);
             ServerProcess b = node(dir.resolve("b"), "node-b", redis)) {
            a.awaitHealthy(Duration.ofSeconds(180));
            b.awaitHealthy(Duration.ofSeconds(180));
            Map<String, String> env = Map.of("NODE_A", a.baseUrl(), "NODE_B", b.baseUrl(),
                    "SCREENSHOTS", NodeScript.REPO.resolve("server/target/screenshots").toString());

            try (NodeScript call = NodeScript.start("server/src/test/browser/two-node.js", env, line -> { })) {
                call.await(Duration.ofMinutes(4));
                assertThat(call.output()).as("node A log:\n" + a.output() + "\nnode B log:\n" + b.output())
                        .contains("TWO-NODE OK");
            }

            CountDownLatch waiting = new CountDownLatch(1);
            var failoverEnv = new java.util.HashMap<>(env);
            failoverEnv.put("PHASE", "failover");
            try (NodeScript failover = NodeScript.start("server/src/test/browser/two-node.js", failoverEnv, line -> {
                if (line.equals("WAITING")) {
                    waiting.countDown();
                }
            })) {
                assertThat(waiting.await(3, TimeUnit.MINUTES)).as("customer queued on node B:\n" + failover.output()).isTrue();
                a.terminate();
                a.awaitExit(Duration.ofSeconds(15));
                failover.tell("go");
                failover.await(Duration.ofMinutes(4));
                assertThat(failover.output()).as("node B log:\n" + b.output()).contains("TWO-NODE OK");
            }
        }
    }

    private static ServerProcess node(Path dir, String id, RedisServerProcess redis) throws Exception {
        return ServerProcess.start(dir, "--contact.node-id=" + id, "--contact.redis.url=" + redis.uri(),
                "--contact.cluster.secret=" + SECRET, "--contact.media.port-min=0", "--contact.media.port-max=0");
    }
}
