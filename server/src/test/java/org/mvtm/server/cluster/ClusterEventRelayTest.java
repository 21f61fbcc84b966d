package org.mvtm.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mvtm.core.AdvisorState;
import org.mvtm.core.event.AdvisorStateForced;
import org.mvtm.core.event.InProcessEventBus;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.testing.RedisServerProcess;
import redis.clients.jedis.RedisClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two nodes' event buses joined by their relays over a real redis-server: what one node publishes reaches the other
 * as the same event, marked relayed there, and is not sent back.
 */
@Tag("peer")
class ClusterEventRelayTest {

    @Test
    void aSupervisorsForcedStateGivenOnOneNodeReachesTheOtherWhole() throws Exception {
        JsonMapper json = JsonMapper.builder().findAndAddModules().build();
        try (RedisServerProcess redis = RedisServerProcess.start();
             RedisClient client = RedisClient.create(URI.create(redis.uri()))) {
            InProcessEventBus a = new InProcessEventBus();
            InProcessEventBus b = new InProcessEventBus();
            BlockingQueue<AdvisorStateForced> atB = new LinkedBlockingQueue<>();
            BlockingQueue<Boolean> relayedAtB = new LinkedBlockingQueue<>();
            b.subscribe(AdvisorStateForced.class, e -> {
                // the mark first: the test reads it as soon as it has the event
                relayedAtB.add(b.relayed());
                atB.add(e);
            });
            try (ClusterEventRelay nodeA = new ClusterEventRelay(client, "t", "node-a", a, json, Clock.systemUTC());
                 ClusterEventRelay nodeB = new ClusterEventRelay(client, "t", "node-b", b, json, Clock.systemUTC())) {
                AdvisorStateForced forced = new AdvisorStateForced(Instant.now().truncatedTo(ChronoUnit.MILLIS),
                        AgentId.of("agent-ada"), "sam", AdvisorState.NOT_READY, "coaching",
                        List.of(InteractionId.of("chat-1")), true);
                // the relays subscribe on threads of their own: publish until node B hears (at most a few tries)
                AdvisorStateForced heard = null;
                for (int i = 0; i < 20 && heard == null; i++) {
                    a.publish(forced);
                    heard = atB.poll(500, TimeUnit.MILLISECONDS);
                }
                assertThat(heard).as("node B heard node A's forced state").isEqualTo(forced);
                assertThat(relayedAtB.poll(5, TimeUnit.SECONDS)).as("marked relayed on node B").isTrue();
            }
        }
    }
}
