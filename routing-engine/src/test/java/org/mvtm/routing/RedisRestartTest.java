package org.mvtm.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mvtm.routing.Fixtures.advisor;
import static org.mvtm.routing.Fixtures.agent;
import static org.mvtm.routing.Fixtures.ix;
import static org.mvtm.routing.Fixtures.voice;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
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
import org.mvtm.testing.LogCapture;
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

    /**
     * Redis down for a while under a running engine: the log gets the outage's first failure with its stack trace,
     * a summary a minute (on the engine's clock) instead of a stack trace every tick, and one line when routing works
     * again once Redis is back.
     */
    @Test
    void aRedisOutageIsOneStackTraceASummaryAMinuteAndOneLineWhenRoutingWorksAgain() {
        MutableClock clock = new MutableClock(Fixtures.T0);
        List<ILoggingEvent> timerTick;
        try (LogCapture lines = LogCapture.of(EngineLoop.class);
                RedisServerProcess redis = RedisServerProcess.start();
                RoutingEngine engine = RoutingEngines.redis(redis.uri(), "node-a",
                        RoutingConfig.defaults().withTickInterval(Duration.ofMillis(20)), clock, new Fixtures.RecordingBus())) {
            engine.defineQueue(CARDS);
            redis.restartAfter(() -> {
                await().atMost(Duration.ofSeconds(30)).until(() -> lines.said("failed; it is retried"));
                clock.advance(Duration.ofSeconds(61));
                await().atMost(Duration.ofSeconds(30)).until(() -> lines.said("still failing since"));
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.said("works again"));
            engine.registerAdvisor(advisor("alice", "lang.en:9", "product.cards:9"));
            assertThat(engine.advisors()).extracting(a -> a.id().value()).containsExactly("alice");
            timerTick = lines.lines().stream()
                    .filter(e -> e.getFormattedMessage().startsWith("routing timer tick")).toList();
        }
        assertThat(timerTick).extracting(ILoggingEvent::getLevel).startsWith(Level.WARN, Level.WARN).endsWith(Level.INFO);
        assertThat(timerTick).filteredOn(e -> e.getThrowableProxy() != null).hasSize(1);
        assertThat(timerTick.getFirst().getThrowableProxy()).isNotNull();
        assertThat(timerTick.getLast().getFormattedMessage()).contains("works again after failing for 61 s");
    }
}
