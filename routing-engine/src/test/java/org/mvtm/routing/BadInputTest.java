package org.mvtm.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mvtm.routing.Fixtures.T0;
import static org.mvtm.routing.Fixtures.advisor;
import static org.mvtm.routing.Fixtures.voice;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mvtm.core.SkillRequirement;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.QueueId;
import org.mvtm.core.time.MutableClock;
import org.mvtm.routing.api.AgingRule;
import org.mvtm.routing.api.QueueConfig;
import org.mvtm.routing.api.RoutingConfig;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.routing.api.RoutingEngines;
import org.mvtm.routing.api.ServiceLevelTarget;

/** Bad input gets a clear IllegalArgumentException and changes nothing. */
class BadInputTest {
    private RoutingEngine engine;

    @BeforeEach
    void start() {
        engine = RoutingEngines.inMemory(RoutingConfig.defaults().withScheduling(RoutingConfig.Scheduling.MANUAL),
                new MutableClock(T0), new Fixtures.RecordingBus());
        engine.defineQueue(QueueConfig.of(QueueId.of("cards"), List.of(SkillRequirement.of("product.cards", 5))));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void unknownSkillOnAdvisorQueueOrInteractionIsRefused() {
        assertThatThrownBy(() -> engine.registerAdvisor(advisor("alice", "lang.en:5", "product.crypto:5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown skill 'product.crypto' in advisor alice; the skill catalogue")
                .hasMessageContaining("product.cards");
        assertThat(engine.advisors()).isEmpty();
        assertThatThrownBy(() -> engine.defineQueue(QueueConfig.of(QueueId.of("x"), List.of(SkillRequirement.of("lang.fr", 3)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown skill 'lang.fr' in queue x");
        assertThat(engine.queues()).extracting(q -> q.id().value()).containsExactly("cards");
        assertThatThrownBy(() -> engine.enqueue(voice("c1", "cards", T0, "product.gold:3")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unknown skill 'product.gold' in interaction c1");
        assertThat(engine.interaction(Fixtures.ix("c1"))).isEmpty();
    }

    @Test
    void skillLevelOutside1To10IsRefused() {
        assertThatThrownBy(() -> advisor("alice", "lang.en:0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("skill 'lang.en' level must be between 1 and 10 but was 0");
        assertThatThrownBy(() -> SkillRequirement.of("product.cards", 11))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("skill 'product.cards' level must be between 1 and 10 but was 11");
        assertThatThrownBy(() -> QueueConfig.of(QueueId.of("q"), List.of()).withLanguageMinLevel(11))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("queue q languageMinLevel must be between 1 and 10 but was 11");
    }

    @Test
    void unknownQueueIsRefusedNamingTheDefinedOnes() {
        assertThatThrownBy(() -> engine.enqueue(voice("c1", "mortgages", T0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown queue 'mortgages'; defined queues: [cards]");
        assertThat(engine.queueStats()).singleElement().satisfies(s -> assertThat(s.offered()).isZero());
    }

    @Test
    void duplicateAdvisorIdIsRefused() {
        engine.registerAdvisor(advisor("alice", "lang.en:5"));
        assertThatThrownBy(() -> engine.registerAdvisor(advisor("alice", "lang.zh:9")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("duplicate advisor id: advisor alice is already registered");
        assertThat(engine.advisors()).singleElement().satisfies(a -> assertThat(a.skill("lang.en")).isPresent());
    }

    @Test
    void duplicateInteractionAndUnknownIdsAreRefused() {
        engine.enqueue(voice("c1", "cards", T0));
        assertThatThrownBy(() -> engine.enqueue(voice("c1", "cards", T0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("interaction c1 was already enqueued");
        assertThatThrownBy(() -> engine.login(AgentId.of("ghost")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown advisor ghost");
        assertThatThrownBy(() -> engine.abandon(Fixtures.ix("nope")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown interaction nope");
        assertThatThrownBy(() -> engine.notReady(AgentId.of("ghost"), " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not-ready reason is required");
    }

    @Test
    void configValuesAreChecked() {
        assertThatThrownBy(() -> new AgingRule(1, 0)).hasMessageContaining("customers can starve");
        assertThatThrownBy(() -> ServiceLevelTarget.of(1.5, Duration.ofSeconds(20))).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> RoutingConfig.defaults().withOfferTimeout(Duration.ZERO)).hasMessageContaining("offerTimeout must be positive");
    }
}
