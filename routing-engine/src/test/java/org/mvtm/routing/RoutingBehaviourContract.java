package org.mvtm.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mvtm.routing.Fixtures.T0;
import static org.mvtm.routing.Fixtures.advisor;
import static org.mvtm.routing.Fixtures.agent;
import static org.mvtm.routing.Fixtures.interaction;
import static org.mvtm.routing.Fixtures.ix;
import static org.mvtm.routing.Fixtures.voice;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mvtm.core.AdvisorState;
import org.mvtm.core.Channel;
import org.mvtm.core.CustomerTier;
import org.mvtm.core.Language;
import org.mvtm.core.SkillRequirement;
import org.mvtm.core.event.AdvisorOffered;
import org.mvtm.core.event.AdvisorStateChanged;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InteractionAbandoned;
import org.mvtm.core.event.InteractionDisposed;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.event.InteractionQueued;
import org.mvtm.core.event.InteractionTransferred;
import org.mvtm.core.event.OfferAccepted;
import org.mvtm.core.event.OfferDeclined;
import org.mvtm.core.id.QueueId;
import org.mvtm.core.time.MutableClock;
import org.mvtm.routing.api.AdvisorStats;
import org.mvtm.routing.api.AssignmentExplanation;
import org.mvtm.routing.api.InteractionStatus;
import org.mvtm.routing.api.QueueConfig;
import org.mvtm.routing.api.QueueStats;
import org.mvtm.routing.api.RelaxationStep;
import org.mvtm.routing.api.RoutingConfig;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.routing.api.SelectionStrategy;
import org.mvtm.routing.api.ServiceLevelTarget;
import org.mvtm.routing.api.TierWeights;
import org.mvtm.routing.state.AdvisorTransitions;

/** Routing behaviour every store must show; run against the in-memory store and against a real redis-server. */
abstract class RoutingBehaviourContract {
    protected MutableClock clock;
    protected Fixtures.RecordingBus bus;
    protected RoutingEngine engine;

    abstract RoutingEngine newEngine(RoutingConfig config, Clock clock, EventBus bus);

    static RoutingConfig manual() {
        return RoutingConfig.defaults().withScheduling(RoutingConfig.Scheduling.MANUAL)
                .withWrapUpTime(Duration.ofSeconds(30)).withOfferTimeout(Duration.ofSeconds(15));
    }

    @BeforeEach
    void start() {
        clock = new MutableClock(T0);
        bus = new Fixtures.RecordingBus();
        engine = newEngine(manual(), clock, bus);
        engine.defineQueue(QueueConfig.of(QueueId.of("cards"), List.of(SkillRequirement.of("product.cards", 5))));
        engine.defineQueue(QueueConfig.of(QueueId.of("loans"), List.of(SkillRequirement.of("product.loans", 5))));
    }

    @AfterEach
    void stop() {
        engine.close();
        // every change the store made (the Java maps or Redis's Lua) is one the advisor table allows
        assertThat(bus.of(AdvisorStateChanged.class)).allSatisfy(change -> assertThat(
                AdvisorTransitions.TABLE.allows(change.from(), change.to()))
                .as("%s -> %s of %s", change.from(), change.to(), change.advisor()).isTrue());
    }

    /** Registers the advisor and signs them in: NOT_READY, on this node. */
    void signedInAdvisor(String id, String... skills) {
        engine.registerAdvisor(advisor(id, skills));
        engine.login(agent(id));
    }

    void readyAdvisor(String id, String... skills) {
        signedInAdvisor(id, skills);
        engine.ready(agent(id));
    }

    /** Alice, ready for the cards queue, is offered customer c1 and accepts: they talk. */
    void aliceTalksToC1() {
        readyAdvisor("alice", "lang.en:9", "product.cards:9");
        engine.enqueue(voice("c1", "cards", clock.instant()));
        engine.accept(ix("c1"), agent("alice"));
    }

    QueueStats cardsStats() {
        return engine.queueStats().stream().filter(q -> q.queue().value().equals("cards")).findFirst().orElseThrow();
    }

    AdvisorState state(String id) {
        return engine.advisorStats().stream().filter(s -> s.advisor().value().equals(id)).findFirst().orElseThrow().state();
    }

    List<AdvisorOffered> offers() {
        return bus.of(AdvisorOffered.class);
    }

    /** The offers made so far, each as "customer -> advisor", in the order they were made. */
    List<String> offered() {
        return offers().stream().map(o -> o.interaction().value() + " -> " + o.advisor().value()).toList();
    }

    /** Bob has been idle 5 s longer than Alice: skill decides first, idle time only breaks a tie. */
    @ParameterizedTest(name = "bob {0}, alice {1}: {2}")
    @CsvSource({"6, 9, alice, skill 9.00 > 6.00, alice over bob", "7, 7, bob, skill tie at 7.00, bob over alice"})
    void bestSkilledAdvisorGetsTheCustomerAndEqualSkillGoesToLongestIdle(
            int bobLevel, int aliceLevel, String chosen, String decidingRule, String over) {
        readyAdvisor("bob", "lang.en:" + bobLevel, "product.cards:" + bobLevel);
        clock.advance(Duration.ofSeconds(5));
        readyAdvisor("alice", "lang.en:" + aliceLevel, "product.cards:" + aliceLevel);
        engine.enqueue(voice("c1", "cards", clock.instant()));
        assertThat(offers()).singleElement().satisfies(o -> {
            assertThat(o.advisor()).isEqualTo(agent(chosen));
            assertThat(o.expiresAt()).isEqualTo(clock.instant().plusSeconds(15));
        });
        assertThat(engine.explanation(ix("c1")).get(0).decidingRule()).contains(decidingRule, over);
        assertThat(state(chosen)).isEqualTo(AdvisorState.RESERVED);
        assertThat(engine.interaction(ix("c1")).orElseThrow().status()).isEqualTo(InteractionStatus.OFFERED);
    }

    @Test
    void explanationListsCandidatesScoresAndDecidingRule() {
        readyAdvisor("alice", "lang.en:9", "product.cards:9");
        readyAdvisor("bob", "lang.en:6", "product.cards:6");
        readyAdvisor("carol", "lang.zh:9", "product.cards:9");
        engine.enqueue(voice("c1", "cards", clock.instant()));
        AssignmentExplanation why = engine.explanation(ix("c1")).get(0);
        assertThat(why.chosen()).isEqualTo(agent("alice"));
        assertThat(why.consideredCount()).isEqualTo(3);
        assertThat(why.candidates()).extracting(c -> c.advisor().value()).containsExactly("alice", "bob", "carol");
        assertThat(why.candidates().get(0).skillScore()).isEqualTo(9.0);
        assertThat(why.candidates().get(1).skillScore()).isEqualTo(6.0);
        assertThat(why.candidates().get(2).eligible()).isFalse();
        assertThat(why.candidates().get(2).note()).contains("lacks lang.en>=1");
        assertThat(why.decidingRule()).startsWith("BEST_SKILL_THEN_LONGEST_IDLE: skill 9.00 > 6.00");
        assertThat(why.effectiveRequirements()).contains(SkillRequirement.of("product.cards", 5));
    }

    @Test
    void illegalStateChangeNamesBothStates() {
        aliceTalksToC1();
        assertThatThrownBy(() -> engine.ready(agent("alice")))
                .isInstanceOf(IllegalStateException.class).hasMessage("advisor alice cannot go from BUSY to READY");
        assertThatThrownBy(() -> engine.logout(agent("alice")))
                .isInstanceOf(IllegalStateException.class).hasMessage("advisor alice cannot go from BUSY to LOGGED_OUT");
        engine.registerAdvisor(advisor("bob", "lang.en:5"));
        assertThatThrownBy(() -> engine.ready(agent("bob")))
                .isInstanceOf(IllegalStateException.class).hasMessage("advisor bob cannot go from LOGGED_OUT to READY");
        engine.enqueue(voice("c2", "loans", clock.instant()));
        assertThatThrownBy(() -> engine.complete(ix("c2"), InteractionEnded.EndedBy.CUSTOMER))
                .hasMessage("interaction c2 cannot go from QUEUED to ENDED");
        assertThatThrownBy(() -> engine.transferToQueue(ix("c2"), QueueId.of("cards")))
                .hasMessage("cannot transfer: interaction c2 cannot go from QUEUED to QUEUED");
    }

    @Test
    void acceptConnectsAndCompleteStartsWrapUpThatEndsByItself() {
        readyAdvisor("alice", "lang.en:9", "product.cards:9");
        engine.enqueue(voice("c1", "cards", clock.instant()));
        clock.advance(Duration.ofSeconds(4));
        engine.accept(ix("c1"), agent("alice"));
        assertThat(bus.of(OfferAccepted.class)).hasSize(1);
        assertThat(state("alice")).isEqualTo(AdvisorState.BUSY);
        clock.advance(Duration.ofMinutes(3));
        engine.complete(ix("c1"));
        assertThat(bus.of(InteractionEnded.class)).singleElement().extracting(InteractionEnded::interaction).isEqualTo(ix("c1"));
        assertThat(state("alice")).isEqualTo(AdvisorState.WRAP_UP);
        clock.advance(Duration.ofSeconds(29));
        engine.tick();
        assertThat(state("alice")).isEqualTo(AdvisorState.WRAP_UP);
        clock.advance(Duration.ofSeconds(1));
        engine.tick();
        assertThat(state("alice")).isEqualTo(AdvisorState.READY);
        assertThat(bus.of(AdvisorStateChanged.class)).extracting(AdvisorStateChanged::to).containsSubsequence(
                AdvisorState.NOT_READY, AdvisorState.READY, AdvisorState.RESERVED, AdvisorState.BUSY,
                AdvisorState.WRAP_UP, AdvisorState.READY);
    }

    @Test
    void finishWrapUpEarlyWithDisposition() {
        aliceTalksToC1();
        engine.complete(ix("c1"));
        engine.finishWrapUp(agent("alice"), java.util.Optional.of(ix("c1")), "resolved", "card reissued");
        assertThat(state("alice")).isEqualTo(AdvisorState.READY);
        assertThat(bus.of(AdvisorStateChanged.class).getLast().reason()).as("wrap-up notes are not presence").isEmpty();
        assertThat(engine.advisorStats()).filteredOn(s -> s.advisor().equals(agent("alice")))
                .singleElement().satisfies(s -> assertThat(s.reason()).isEmpty());
        assertThat(bus.of(InteractionDisposed.class)).singleElement().satisfies(d -> {
            assertThat(d.interaction()).contains(ix("c1"));
            assertThat(d.code()).isEqualTo("resolved");
            assertThat(d.notes()).isEqualTo("card reissued");
        });
    }

    @Test
    void aDispositionAfterTheWrapUpTimeRanOutIsStillRecordedAndChangesNoPresence() {
        aliceTalksToC1();
        engine.complete(ix("c1"));
        clock.advance(Duration.ofSeconds(30));
        engine.tick();
        int changes = bus.of(AdvisorStateChanged.class).size();
        engine.finishWrapUp(agent("alice"), java.util.Optional.of(ix("c1")), "resolved", "");
        assertThat(state("alice")).isEqualTo(AdvisorState.READY);
        assertThat(bus.of(AdvisorStateChanged.class)).hasSize(changes);
        assertThat(bus.of(InteractionDisposed.class)).singleElement().extracting(InteractionDisposed::code).isEqualTo("resolved");
    }

    @Test
    void askingForTheStateAnAdvisorIsAlreadyInDoesNothing() {
        readyAdvisor("alice", "lang.en:9", "product.cards:9");
        int changes = bus.of(AdvisorStateChanged.class).size();
        engine.ready(agent("alice"));
        assertThat(state("alice")).isEqualTo(AdvisorState.READY);
        assertThat(bus.of(AdvisorStateChanged.class)).hasSize(changes);
    }

    @Test
    void aHangUpFromBothSidesEndsTheInteractionOnce() {
        aliceTalksToC1();
        engine.complete(ix("c1"), InteractionEnded.EndedBy.CUSTOMER);
        engine.complete(ix("c1"), InteractionEnded.EndedBy.ADVISOR);
        assertThat(bus.of(InteractionEnded.class)).singleElement().extracting(InteractionEnded::endedBy)
                .isEqualTo(InteractionEnded.EndedBy.CUSTOMER);
        assertThat(state("alice")).isEqualTo(AdvisorState.WRAP_UP);
    }

    @Test
    void refusedTransitionsCarryACodeAndBothStatesForTheConsoleToTranslate() {
        aliceTalksToC1();
        assertThatThrownBy(() -> engine.ready(agent("alice"))).isInstanceOfSatisfying(org.mvtm.core.Refusal.class, r -> {
            assertThat(r.code()).isEqualTo("advisor.transition");
            assertThat(r.params()).containsEntry("from", "BUSY").containsEntry("to", "READY");
        });
    }

    @Test
    void offerTimesOutAdvisorGoesNotReadyAndCustomerKeepsPlace() {
        readyAdvisor("alice", "lang.en:9", "product.cards:9");
        engine.enqueue(voice("c1", "cards", clock.instant()));
        clock.advance(Duration.ofSeconds(1));
        engine.enqueue(voice("c2", "cards", clock.instant()));
        clock.advance(Duration.ofSeconds(15));
        engine.tick();
        assertThat(bus.of(OfferDeclined.class)).singleElement().satisfies(d -> {
            assertThat(d.cause()).isEqualTo(OfferDeclined.Cause.NO_ANSWER);
            assertThat(d.interaction()).isEqualTo(ix("c1"));
        });
        assertThat(state("alice")).isEqualTo(AdvisorState.NOT_READY);
        assertThat(engine.position(ix("c1")).orElseThrow().position()).isEqualTo(1);
        assertThat(engine.position(ix("c2")).orElseThrow().position()).isEqualTo(2);
        readyAdvisor("bob", "lang.en:5", "product.cards:5");
        assertThat(offered()).last().isEqualTo("c1 -> bob");
    }

    @Test
    void rejectedCustomerKeepsPlaceAndGoesToAnotherAdvisor() {
        readyAdvisor("alice", "lang.en:9", "product.cards:9");
        engine.enqueue(voice("c1", "cards", clock.instant()));
        engine.enqueue(voice("c2", "cards", clock.instant()));
        engine.reject(ix("c1"), agent("alice"));
        assertThat(bus.of(OfferDeclined.class)).singleElement().extracting(OfferDeclined::cause).isEqualTo(OfferDeclined.Cause.REJECTED);
        // alice is READY again, but is not offered the customer she just declined: she gets c2
        assertThat(offers().getLast().interaction()).isEqualTo(ix("c2"));
        readyAdvisor("bob", "lang.en:5", "product.cards:5");
        assertThat(offered()).last().isEqualTo("c1 -> bob");
    }

    @Test
    void agingLetsALongWaitingStandardCustomerOvertakeAFreshVip() {
        readyAdvisor("alice", "lang.en:9", "product.cards:9");
        engine.notReady(agent("alice"), "break");
        engine.enqueue(voice("std", "cards", clock.instant()));
        clock.advance(Duration.ofSeconds(10)); // half the SLA threshold: priority 0.5 < VIP 2.0
        engine.enqueue(interaction("vip1", "cards", Channel.VOICE, Language.EN, CustomerTier.VIP, clock.instant()));
        engine.ready(agent("alice"));
        assertThat(offers().getLast().interaction()).isEqualTo(ix("vip1"));
        engine.accept(ix("vip1"), agent("alice"));
        engine.complete(ix("vip1"));
        engine.notReady(agent("alice"), "break"); // straight from WRAP_UP
        clock.advance(Duration.ofSeconds(40)); // std waited 50 s = 2.5 thresholds: 2.5 > fresh VIP 2.0
        engine.enqueue(interaction("vip2", "cards", Channel.VOICE, Language.EN, CustomerTier.VIP, clock.instant()));
        engine.ready(agent("alice"));
        assertThat(offers().getLast().interaction()).isEqualTo(ix("std"));
    }

    @Test
    void theVipTiersRoutingWeightDecidesWhetherAVipOvertakes() {
        readyAdvisor("alice", "lang.en:9", "product.cards:9");
        engine.notReady(agent("alice"), "break");
        engine.weighTiers(TierWeights.of(Map.of(CustomerTier.VIP, 0.0)));
        engine.enqueue(voice("std", "cards", clock.instant()));
        clock.advance(Duration.ofSeconds(1));
        engine.enqueue(interaction("vip1", "cards", Channel.VOICE, Language.EN, CustomerTier.VIP, clock.instant()));
        assertThat(engine.position(ix("vip1")).orElseThrow().position()).as("a VIP weighing nothing waits its turn").isEqualTo(2);

        engine.weighTiers(TierWeights.of(Map.of(CustomerTier.VIP, 5.0)));
        assertThat(engine.position(ix("vip1")).orElseThrow().position()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(60)); // std waited 3 thresholds: 3.05 < 5 + 3.0
        engine.ready(agent("alice"));
        assertThat(offers().getLast().interaction()).as("the VIP overtakes").isEqualTo(ix("vip1"));
    }

    @Test
    void aWithdrawnQueueTakesNoNewCustomersButServesThoseWaiting() {
        engine.enqueue(voice("early", "loans", clock.instant()));
        engine.withdrawQueue(QueueId.of("loans"));
        assertThat(engine.queues()).extracting(q -> q.id().value()).containsExactly("cards");
        assertThatThrownBy(() -> engine.enqueue(voice("late", "loans", clock.instant())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("queue 'loans' was removed by an administrator");
        assertThat(engine.interaction(ix("late"))).as("nothing half-written").isEmpty();
        readyAdvisor("alice", "lang.en:9", "product.loans:9");
        assertThat(offers()).singleElement().extracting(AdvisorOffered::interaction).isEqualTo(ix("early"));

        engine.defineQueue(QueueConfig.of(QueueId.of("loans"), List.of(SkillRequirement.of("product.loans", 5))));
        engine.enqueue(voice("again", "loans", clock.instant()));
        assertThat(engine.interaction(ix("again")).orElseThrow().status()).isEqualTo(InteractionStatus.QUEUED);
    }

    @Test
    void longestWaitingCustomerAcrossQueuesIsOfferedFirst() {
        signedInAdvisor("alice", "lang.en:9", "product.cards:9", "product.loans:9");
        engine.enqueue(voice("loan1", "loans", clock.instant()));
        clock.advance(Duration.ofSeconds(3));
        engine.enqueue(voice("card1", "cards", clock.instant()));
        engine.ready(agent("alice"));
        assertThat(offers()).singleElement().extracting(AdvisorOffered::interaction).isEqualTo(ix("loan1"));
    }

    @Test
    void relaxationAcceptsLowerLevelAfter30sAndAnyLanguageSpeakerAfter90s() {
        engine.defineQueue(QueueConfig.of(QueueId.of("wealth"), List.of(SkillRequirement.of("product.wealth", 8)))
                .withLanguageMinLevel(6)
                .withRelaxation(List.of(RelaxationStep.lowerLevels(Duration.ofSeconds(30), 3),
                        RelaxationStep.languageOnly(Duration.ofSeconds(90)))));
        readyAdvisor("junior", "lang.yue:7", "product.wealth:5");
        readyAdvisor("speaker", "lang.yue:2", "product.cards:5");
        engine.enqueue(interaction("w1", "wealth", Channel.VIDEO, Language.YUE, CustomerTier.PREMIER, clock.instant()));
        engine.enqueue(interaction("w2", "wealth", Channel.VIDEO, Language.YUE, CustomerTier.STANDARD, clock.instant()));
        assertThat(offers()).isEmpty();
        clock.advance(Duration.ofSeconds(29));
        engine.tick();
        assertThat(offers()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        engine.tick();
        assertThat(offered()).containsExactly("w1 -> junior");
        assertThat(engine.explanation(ix("w1")).get(0).relaxation()).isEqualTo("after PT30S: levels -3");
        clock.advance(Duration.ofSeconds(60));
        engine.accept(ix("w1"), agent("junior"));
        engine.tick();
        assertThat(offers()).hasSize(2);
        assertThat(offers().getLast().advisor()).isEqualTo(agent("speaker"));
        assertThat(engine.explanation(ix("w2")).get(0).relaxation()).isEqualTo("after PT1M30S: language only");
    }

    @Test
    void anAdvisorWorksThreeChatsAndOneCallAtOnceButNoFourthChatNorSecondCall() {
        readyAdvisor("alice", "lang.en:9", "product.cards:9");
        for (int i = 1; i <= 3; i++) {
            engine.enqueue(interaction("chat" + i, "cards", Channel.CHAT, Language.EN, CustomerTier.STANDARD, clock.instant()));
            engine.accept(ix("chat" + i), agent("alice"));
        }
        engine.enqueue(interaction("chat4", "cards", Channel.CHAT, Language.EN, CustomerTier.STANDARD, clock.instant()));
        engine.enqueue(voice("call1", "cards", clock.instant()));
        // the chats are full, the call budget is not: the call is offered while three chats go on
        assertThat(offers()).hasSize(4);
        assertThat(offers().getLast().interaction()).isEqualTo(ix("call1"));
        engine.accept(ix("call1"), agent("alice"));
        engine.enqueue(voice("call2", "cards", clock.instant()));
        assertThat(offers()).hasSize(4);
        AdvisorStats s = engine.advisorStats().get(0);
        assertThat(s.current()).hasSize(4);
        assertThat(s.state()).isEqualTo(AdvisorState.BUSY);
        engine.complete(ix("chat1"));
        assertThat(offers().getLast().interaction()).isEqualTo(ix("chat4"));
        engine.accept(ix("chat4"), agent("alice"));
        engine.complete(ix("call1"));
        assertThat(offers().getLast().interaction()).isEqualTo(ix("call2"));
        engine.accept(ix("call2"), agent("alice"));
        for (String id : List.of("chat2", "chat3", "chat4", "call2")) {
            engine.complete(ix(id));
        }
        assertThat(state("alice")).isEqualTo(AdvisorState.WRAP_UP);
    }

    @Test
    void aSupervisorMovesAWaitingCustomerToAQueueWhoseAdvisorServesThem() {
        readyAdvisor("loansOnly", "lang.en:9", "product.loans:9");
        engine.enqueue(voice("c1", "cards", clock.instant()));
        assertThat(offers()).isEmpty(); // nobody serves cards
        assertThat(engine.waiting()).singleElement().satisfies(w -> assertThat(w.queue()).isEqualTo(QueueId.of("cards")));
        clock.advance(Duration.ofSeconds(5));
        engine.moveWaiting(ix("c1"), QueueId.of("loans"));
        assertThat(bus.of(InteractionQueued.class).getLast().interaction().queue()).isEqualTo(QueueId.of("loans"));
        assertThat(offered()).containsExactly("c1 -> loansOnly");
        assertThatThrownBy(() -> engine.moveWaiting(ix("c1"), QueueId.of("cards")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("OFFERED");
        assertThatThrownBy(() -> engine.moveWaiting(ix("c1"), QueueId.of("nowhere")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nowhere");
    }

    @Test
    void abandonWhileQueuedAndWhileOffered() {
        engine.enqueue(voice("c1", "cards", clock.instant()));
        clock.advance(Duration.ofSeconds(12));
        engine.abandon(ix("c1"));
        assertThat(bus.of(InteractionAbandoned.class)).singleElement().extracting(InteractionAbandoned::waited).isEqualTo(Duration.ofSeconds(12));
        readyAdvisor("alice", "lang.en:9", "product.cards:9");
        assertThat(offers()).isEmpty();
        engine.enqueue(voice("c2", "cards", clock.instant()));
        engine.abandon(ix("c2"));
        assertThat(state("alice")).isEqualTo(AdvisorState.READY);
        assertThat(engine.interaction(ix("c2")).orElseThrow().status()).isEqualTo(InteractionStatus.ABANDONED);
        assertThatThrownBy(() -> engine.accept(ix("c2"), agent("alice"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ABANDONED");
        QueueStats cards = cardsStats();
        assertThat(cards.abandoned()).isEqualTo(2);
        assertThat(cards.abandonRate()).isEqualTo(1.0);
    }

    @Test
    void transferToAnotherQueueAndToANamedAdvisor() {
        readyAdvisor("alice", "lang.en:9", "product.cards:9");
        readyAdvisor("lena", "lang.en:9", "product.loans:9");
        readyAdvisor("bob", "lang.en:5", "product.cards:5");
        engine.enqueue(voice("c1", "cards", clock.instant()));
        engine.accept(ix("c1"), agent("alice"));
        engine.transferToQueue(ix("c1"), QueueId.of("loans"));
        assertThat(bus.of(InteractionTransferred.class)).singleElement().satisfies(t -> {
            assertThat(t.from()).isEqualTo(agent("alice"));
            assertThat(t.toQueue()).contains(QueueId.of("loans"));
        });
        assertThat(offers().getLast().advisor()).isEqualTo(agent("lena"));
        engine.accept(ix("c1"), agent("lena"));
        engine.transferToAdvisor(ix("c1"), agent("bob"));
        assertThat(offers().getLast().advisor()).isEqualTo(agent("bob"));
        engine.accept(ix("c1"), agent("bob"));
        assertThat(engine.interaction(ix("c1")).orElseThrow().advisor()).contains(agent("bob"));
        assertThat(state("alice")).isEqualTo(AdvisorState.WRAP_UP);
    }

    @Test
    void aBookedCustomerGoesToTheirAdvisorAheadOfTheQueueAndToAnyoneOnceTheWaitIsOver() {
        signedInAdvisor("alice", "lang.en:9", "product.cards:9");
        engine.enqueue(voice("c1", "cards", clock.instant()));
        clock.advance(Duration.ofSeconds(30));
        engine.enqueue(voice("c2", "cards", clock.instant()));
        engine.enqueueFor(voice("booked", "cards", clock.instant()), agent("alice"), Duration.ofMinutes(5));

        engine.ready(agent("alice"));

        assertThat(offered()).containsExactly("booked -> alice");

        // bob is booked but stays away: carol, free, is not offered his customer until the wait is over
        signedInAdvisor("bob", "lang.en:9", "product.loans:9");
        engine.enqueueFor(voice("late", "loans", clock.instant()), agent("bob"), Duration.ofMinutes(2));
        readyAdvisor("carol", "lang.en:6", "product.loans:6");
        clock.advance(Duration.ofSeconds(119));
        engine.tick();
        assertThat(offers()).hasSize(1);
        assertThat(engine.interaction(ix("late")).orElseThrow().status()).isEqualTo(InteractionStatus.QUEUED);

        clock.advance(Duration.ofSeconds(1));
        engine.tick();
        assertThat(offered()).hasSize(2).last().isEqualTo("late -> carol");
    }

    @Test
    void leastOccupiedAndRoundRobinStrategies() {
        engine.defineQueue(QueueConfig.of(QueueId.of("rr"), List.of()).withStrategy(SelectionStrategy.ROUND_ROBIN));
        engine.defineQueue(QueueConfig.of(QueueId.of("lo"), List.of()).withStrategy(SelectionStrategy.LEAST_OCCUPIED));
        readyAdvisor("a1", "lang.en:5");
        readyAdvisor("a2", "lang.en:5");
        readyAdvisor("a3", "lang.en:5");
        for (int i = 0; i < 3; i++) {
            engine.enqueue(interaction("rr" + i, "rr", Channel.CHAT, Language.EN, CustomerTier.STANDARD, clock.instant()));
            engine.accept(ix("rr" + i), offers().getLast().advisor());
        }
        assertThat(offers()).extracting(o -> o.advisor().value()).containsExactly("a1", "a2", "a3");
        engine.enqueue(interaction("rr3", "rr", Channel.CHAT, Language.EN, CustomerTier.STANDARD, clock.instant()));
        assertThat(offers().getLast().advisor().value()).isEqualTo("a1");
        engine.accept(ix("rr3"), agent("a1"));
        engine.complete(ix("rr1"));
        engine.finishWrapUp(agent("a2"), "ok", "");
        // a1 has 2 chats, a3 has 1, a2 none: least occupied is a2
        engine.enqueue(interaction("lo1", "lo", Channel.CHAT, Language.EN, CustomerTier.STANDARD, clock.instant()));
        assertThat(offers().getLast().advisor().value()).isEqualTo("a2");
        assertThat(engine.explanation(ix("lo1")).get(0).decidingRule()).startsWith("LEAST_OCCUPIED: load 0.00 < 0.33");
    }

    @Test
    void liveQueueAndAdvisorStatistics() {
        engine.defineQueue(QueueConfig.of(QueueId.of("cards"), List.of(SkillRequirement.of("product.cards", 5)))
                .withSla(ServiceLevelTarget.of(0.8, Duration.ofSeconds(20))));
        readyAdvisor("alice", "lang.en:9", "product.cards:9");
        engine.notReady(agent("alice"), "meeting");
        engine.enqueue(voice("c1", "cards", clock.instant()));
        engine.enqueue(voice("c2", "cards", clock.instant()));
        clock.advance(Duration.ofSeconds(10));
        engine.ready(agent("alice"));
        engine.accept(ix("c1"), agent("alice")); // waited 10 s: within SLA
        clock.advance(Duration.ofSeconds(50));
        QueueStats mid = cardsStats();
        assertThat(mid.waiting()).isEqualTo(1);
        assertThat(mid.longestWait()).isEqualTo(Duration.ofSeconds(60));
        engine.complete(ix("c1"));
        engine.finishWrapUp(agent("alice"), "ok", "");
        engine.accept(ix("c2"), agent("alice")); // waited 60 s: outside SLA
        clock.advance(Duration.ofSeconds(40));
        QueueStats s = cardsStats();
        assertThat(s.offered()).isEqualTo(2);
        assertThat(s.answered()).isEqualTo(2);
        assertThat(s.serviceLevel()).isEqualTo(0.5);
        assertThat(s.averageSpeedOfAnswer()).isEqualTo(Duration.ofSeconds(35));
        assertThat(s.abandonRate()).isZero();
        AdvisorStats a = engine.advisorStats().get(0);
        assertThat(a.state()).isEqualTo(AdvisorState.BUSY);
        assertThat(a.timeInState()).isEqualTo(Duration.ofSeconds(40));
        assertThat(a.current()).containsExactly(ix("c2"));
        // 10 s not ready (excluded), then 100 s working (reserved+busy+wrap-up), no ready idle time
        assertThat(a.occupancy()).isEqualTo(1.0);
    }

    @Test
    void positionAndEstimatedWait() {
        readyAdvisor("alice", "lang.en:9", "product.cards:9");
        engine.enqueue(voice("c1", "cards", clock.instant()));
        var p2 = engine.enqueue(voice("c2", "cards", clock.instant()));
        assertThat(p2.position()).isEqualTo(1).as("c1 is offered to alice");
        assertThat(p2.waiting()).isEqualTo(1);
        assertThat(p2.estimatedWait()).contains(Duration.ofMinutes(3));
        engine.enqueue(voice("c3", "cards", clock.instant()));
        clock.advance(Duration.ofSeconds(1));
        assertThat(engine.position(ix("c3")).orElseThrow().position()).isEqualTo(2);
        assertThat(engine.position(ix("c3")).orElseThrow().estimatedWait()).contains(Duration.ofMinutes(6));
    }

    @Test
    void theWaitEstimateCountsOnlySignedInAdvisorsWhoCanServeTheCustomerAndIsEmptyWithoutThem() {
        var nobody = engine.enqueue(voice("c1", "cards", clock.instant()));
        assertThat(nobody.estimatedWait()).as("no advisor signed in: no made-up estimate").isEmpty();

        readyAdvisor("zhou", "lang.zh:9", "product.cards:9"); // cannot serve an English customer
        engine.registerAdvisor(advisor("bob", "lang.en:9", "product.cards:9")); // can, but is not signed in
        clock.advance(Duration.ofSeconds(1));
        assertThat(engine.position(ix("c1")).orElseThrow().estimatedWait()).isEmpty();

        engine.login(agent("bob"));
        engine.notReady(agent("bob"), "lunch");
        clock.advance(Duration.ofSeconds(1));
        assertThat(engine.position(ix("c1")).orElseThrow().estimatedWait()).as("on a break").isEmpty();

        readyAdvisor("amy", "lang.en:9", "product.cards:9");
        engine.accept(ix("c1"), agent("amy"));
        clock.advance(Duration.ofSeconds(1)); // the estimate reads advisors at most once a second
        var next = engine.enqueue(voice("c2", "cards", clock.instant()));
        assertThat(next.estimatedWait()).as("amy is busy but signed in and able").contains(Duration.ofMinutes(3));
    }

    @Test
    void theWaitEstimateCountsAdvisorsWhoQualifyOnceTheQueueRelaxesItsRequirements() {
        engine.defineQueue(QueueConfig.of(QueueId.of("wealth"), List.of(SkillRequirement.of("product.wealth", 8)))
                .withRelaxation(List.of(RelaxationStep.lowerLevels(Duration.ofSeconds(60), 4))));
        readyAdvisor("wu", "lang.en:9", "product.wealth:5"); // qualifies only once the levels drop by 4
        var p = engine.enqueue(voice("w1", "wealth", clock.instant()));
        assertThat(p.estimatedWait()).as("60 s until wu qualifies, then one handle time (3 min until measured)")
                .contains(Duration.ofSeconds(60 + 180));
        clock.advance(Duration.ofSeconds(20));
        assertThat(engine.position(ix("w1")).orElseThrow().estimatedWait()).contains(Duration.ofSeconds(40 + 180));

        engine.defineQueue(QueueConfig.of(QueueId.of("fx"), List.of(SkillRequirement.of("product.fx", 9)))
                .withRelaxation(List.of(RelaxationStep.lowerLevels(Duration.ofSeconds(30), 1))));
        var none = engine.enqueue(voice("f1", "fx", clock.instant()));
        assertThat(none.estimatedWait()).as("nobody qualifies even after the last step").isEmpty();
    }

    @Test
    void theWaitEstimateFollowsTheQueuesRecentHandleTimesNotTheAllTimeAverage() {
        readyAdvisor("alice", "lang.en:9", "product.cards:9");
        handle("morning", 5, Duration.ofMinutes(20)); // a slow morning
        clock.advance(Duration.ofHours(2));
        engine.tick();
        handle("afternoon", 5, Duration.ofMinutes(2)); // quick calls since
        engine.enqueue(voice("now-1", "cards", clock.instant()));
        engine.accept(ix("now-1"), agent("alice"));
        var next = engine.enqueue(voice("now-2", "cards", clock.instant()));
        assertThat(next.position()).isEqualTo(1);
        assertThat(next.estimatedWait()).as("the last half hour's 2 minutes, not the all-time 11")
                .contains(Duration.ofMinutes(2));
    }

    /** {@code count} customers of the cards queue, each answered by alice and handled for {@code length}. */
    private void handle(String prefix, int count, Duration length) {
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + i;
            engine.enqueue(voice(id, "cards", clock.instant()));
            engine.accept(ix(id), agent("alice"));
            clock.advance(length);
            engine.complete(ix(id));
            clock.advance(Duration.ofSeconds(31)); // the wrap-up runs out
            engine.tick();
        }
    }

    @Test
    void noAnswerFromSipDeskPhoneSendsAdvisorNotReady() {
        readyAdvisor("alice", "lang.en:9", "product.cards:9");
        engine.enqueue(voice("c1", "cards", clock.instant()));
        engine.noAnswer(ix("c1"), agent("alice"));
        assertThat(state("alice")).isEqualTo(AdvisorState.NOT_READY);
        assertThat(engine.interaction(ix("c1")).orElseThrow().status()).isEqualTo(InteractionStatus.QUEUED);
        assertThatThrownBy(() -> engine.accept(ix("c1"), agent("alice"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not offered to advisor alice");
    }

    @Test
    void capacityConfiguredPerAdvisor() {
        engine.registerAdvisor(advisor("two", Map.of(Channel.CHAT, 1, Channel.VOICE, 1), "lang.en:9", "product.cards:9"));
        engine.login(agent("two"));
        engine.ready(agent("two"));
        engine.enqueue(interaction("x1", "cards", Channel.CHAT, Language.EN, CustomerTier.STANDARD, clock.instant()));
        engine.accept(ix("x1"), agent("two"));
        engine.enqueue(interaction("x2", "cards", Channel.CHAT, Language.EN, CustomerTier.STANDARD, clock.instant()));
        assertThat(offers()).hasSize(1);
    }
}
