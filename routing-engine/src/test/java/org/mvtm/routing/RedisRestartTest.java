package org.mvtm.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mvtm.routing.Fixtures.advisor;
import static org.mvtm.routing.Fixtures.agent;
import static org.mvtm.routing.Fixtures.ix;
import static org.mvtm.routing.Fixtures.voice;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Channel;
import org.mvtm.core.CustomerTier;
import org.mvtm.core.Language;
import org.mvtm.core.SkillRequirement;
import org.mvtm.core.event.AdvisorOffered;
import org.mvtm.core.id.QueueId;
import org.mvtm.core.time.MutableClock;
import org.mvtm.routing.api.InteractionStatus;
import org.mvtm.routing.api.QueueConfig;
import org.mvtm.routing.api.RoutingConfig;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.routing.api.RoutingEngines;
import org.mvtm.testing.RedisServerProcess;

/** Queue order, offers and counters live in Redis: they survive an engine restart and (with AOF) a Redis restart. */
@Tag("peer")
class RedisRestartTest {
    private static final QueueConfig CARDS = QueueConfig.of(QueueId.of("cards"), List.of(SkillRequirement.of("product.cards", 5)));

    private RoutingEngine engine(RedisServerProcess redis, MutableClock clock, Fixtures.RecordingBus bus) {
        RoutingEngine e = RoutingEngines.redis(redis.uri(), "node-a",
                RoutingConfig.defaults().withScheduling(RoutingConfig.Scheduling.MANUAL), clock, bus);
        e.defineQueue(CARDS);
        return e;
    }

    @Test
    void queueOrderSurvivesEngineRestartAndRedisRestartWithAppendOnlyFile() throws Exception {
        MutableClock clock = new MutableClock(Fixtures.T0);
        try (RedisServerProcess redis = RedisServerProcess.start(true)) {
            Fixtures.RecordingBus bus1 = new Fixtures.RecordingBus();
            try (RoutingEngine first = engine(redis, clock, bus1)) {
                first.registerAdvisor(advisor("alice", "lang.en:9", "product.cards:9"));
                for (int i = 1; i <= 4; i++) {
                    first.enqueue(voice("c" + i, "cards", clock.instant()));
                    clock.advance(Duration.ofSeconds(1));
                }
                first.enqueue(Fixtures.interaction("vip", "cards", Channel.VOICE, Language.EN, CustomerTier.VIP, clock.instant()));
            }
            redis.restart(); // SIGKILL, then start again from the append-only file
            Fixtures.RecordingBus bus2 = new Fixtures.RecordingBus();
            try (RoutingEngine second = engine(redis, clock, bus2)) {
                assertThat(second.advisors()).extracting(a -> a.id().value()).containsExactly("alice");
                assertThat(second.position(ix("vip")).orElseThrow().position()).isEqualTo(1);
                assertThat(second.position(ix("c1")).orElseThrow().position()).isEqualTo(2);
                assertThat(second.position(ix("c4")).orElseThrow().position()).isEqualTo(5);
                second.login(agent("alice"));
                second.ready(agent("alice"));
                assertThat(bus2.of(AdvisorOffered.class)).singleElement().extracting(AdvisorOffered::interaction).isEqualTo(ix("vip"));
                second.accept(ix("vip"), agent("alice"));
                second.complete(ix("vip"));
                second.finishWrapUp(agent("alice"), "ok", "");
                assertThat(bus2.of(AdvisorOffered.class).getLast().interaction()).isEqualTo(ix("c1"));
            }
            Fixtures.RecordingBus bus3 = new Fixtures.RecordingBus();
            try (RoutingEngine third = engine(redis, clock, bus3)) {
                assertThat(third.interaction(ix("c1")).orElseThrow().status()).isEqualTo(InteractionStatus.OFFERED);
                third.accept(ix("c1"), agent("alice")); // the offer made by the previous engine instance is still valid
                assertThat(third.queueStats().get(0).answered()).isEqualTo(2);
                assertThat(third.queueStats().get(0).waiting()).isEqualTo(3);
            }
        }
    }
}
