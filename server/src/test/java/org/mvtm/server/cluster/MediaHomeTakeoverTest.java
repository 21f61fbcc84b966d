package org.mvtm.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mvtm.core.id.InteractionId;
import org.mvtm.testing.RedisServerProcess;
import redis.clients.jedis.RedisClient;

/**
 * A call's media home on a real redis-server when its node dies without a word (kill -9: its lease is never given
 * up, only no longer renewed): within the lease the surviving nodes take the claim over, exactly one of them, with a
 * higher fencing epoch; the dead node, were it only paused, is no longer the home when it comes back.
 */
@Tag("peer")
class MediaHomeTakeoverTest {
    private static final Duration LEASE = Duration.ofSeconds(2);

    @Test
    void aDeadNodesClaimPassesToOneSurvivorWithinItsLeaseAndThePausedNodeIsFencedOut() throws Exception {
        InteractionId call = InteractionId.of("call-on-a");
        try (RedisServerProcess redis = RedisServerProcess.start();
             RedisClient client = RedisClient.create(URI.create(redis.uri()));
             MediaHome a = node(client, redis, "a");
             MediaHome b = node(client, redis, "b");
             MediaHome c = node(client, redis, "c")) {
            List<MediaHome.TakenOver> takenOver = new java.util.concurrent.CopyOnWriteArrayList<>();
            b.onTakeover(takenOver::add);
            c.onTakeover(takenOver::add);
            List<InteractionId> firstClaims = new java.util.concurrent.CopyOnWriteArrayList<>();
            b.onFirstClaim(firstClaims::add);
            c.onFirstClaim(firstClaims::add);
            assertThat(a.claim(call)).isEqualTo("http://node-a");
            assertThat(b.claim(call)).as("a living home keeps its claim").isEqualTo("http://node-a");
            long before = b.claimWithEpoch(call).epoch();

            a.stopRenewing(); // what kill -9 does to its lease: no longer renewed, never given up
            // both survivors ask at once, again and again, until one of them has it
            await().atMost(LEASE.multipliedBy(5)).until(() -> !b.find(call).equals(java.util.Optional.of("http://node-a")));
            Set<String> homes = ConcurrentHashMap.newKeySet();
            try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<String>> asks = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    MediaHome survivor = i % 2 == 0 ? b : c;
                    asks.add(pool.submit(() -> survivor.claim(call)));
                }
                for (Future<String> ask : asks) {
                    homes.add(ask.get());
                }
            }
            assertThat(homes).as("one new home, never two").hasSize(1).doesNotContain("http://node-a");
            assertThat(takenOver).as("one survivor is told it took the call over (it records the rest)")
                    .singleElement().satisfies(t -> assertThat(t.deadNode()).isEqualTo("http://node-a"));
            assertThat(b.claimWithEpoch(call).epoch()).as("the fencing epoch rose").isGreaterThan(before);
            assertThat(firstClaims).as("a takeover is not a first claim").isEmpty();
            assertThat(a.isHere(call)).as("node A, back from a pause, is not the home any more").isFalse();
        }
    }

    /**
     * A live node whose other Redis work holds every connection of its pool (here two blocking reads on a pool of
     * two; in the two-node capacity benchmark, sessions, events and media claims of hundreds of calls) still renews
     * its lease: the other node finds it alive and does not take its calls, whose media stay in its relay.
     */
    @Test
    void aLiveNodeKeepsItsCallsWhileItsRedisPoolIsBusy() throws Exception {
        InteractionId call = InteractionId.of("call-on-busy-a");
        try (RedisServerProcess redis = RedisServerProcess.start();
             RedisClient aShared = RedisClient.builder().fromURI(URI.create(redis.uri()))
                     .poolConfig(poolOf(2)).build();
             RedisClient bShared = RedisClient.create(URI.create(redis.uri()));
             MediaHome a = node(aShared, redis, "a");
             MediaHome b = node(bShared, redis, "b")) {
            try (var busy = Executors.newVirtualThreadPerTaskExecutor()) {
                assertThat(a.claim(call)).isEqualTo("http://node-a");
                long blockSeconds = LEASE.multipliedBy(4).toSeconds();
                for (int i = 0; i < 2; i++) {
                    busy.submit(() -> aShared.blpop((int) blockSeconds, "t:nothing-comes"));
                }
                Thread.sleep(LEASE.multipliedBy(3).toMillis());
                assertThat(b.claim(call)).as("node A is alive: node B must not take its call").isEqualTo("http://node-a");
            }
        }
    }

    /**
     * The node that first holds a call's media is told so once (it records a call another node's advisor accepted
     * before the media came): not again when it asks for its own claim, and never the node that finds the claim taken.
     */
    @Test
    void theFirstNodeToHoldACallsMediaIsToldOnce() throws Exception {
        InteractionId call = InteractionId.of("call-first-on-b");
        try (RedisServerProcess redis = RedisServerProcess.start();
             RedisClient client = RedisClient.create(URI.create(redis.uri()));
             MediaHome a = node(client, redis, "a");
             MediaHome b = node(client, redis, "b")) {
            List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
            a.onFirstClaim(i -> told.add("a:" + i.value()));
            b.onFirstClaim(i -> told.add("b:" + i.value()));
            assertThat(b.claim(call)).isEqualTo("http://node-b");
            assertThat(b.claim(call)).isEqualTo("http://node-b");
            assertThat(a.claim(call)).isEqualTo("http://node-b");
            assertThat(told).containsExactly("b:call-first-on-b");
        }
    }

    /** Node {@code name}'s media home: claims on {@code shared}, its lease on a connection of its own. */
    private static MediaHome node(RedisClient shared, RedisServerProcess redis, String name) {
        return new MediaHome(shared, MediaHome.leaseConnection(URI.create(redis.uri())), "t", "http://node-" + name,
                LEASE, Clock.systemUTC());
    }

    private static redis.clients.jedis.ConnectionPoolConfig poolOf(int connections) {
        redis.clients.jedis.ConnectionPoolConfig pool = new redis.clients.jedis.ConnectionPoolConfig();
        pool.setMaxTotal(connections);
        pool.setMaxIdle(connections);
        return pool;
    }
}
