package org.mvtm.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Advisor;
import org.mvtm.core.Channel;
import org.mvtm.core.Customer;
import org.mvtm.core.CustomerTier;
import org.mvtm.core.Interaction;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.Skill;
import org.mvtm.core.event.AdvisorOffered;
import org.mvtm.core.event.InProcessEventBus;
import org.mvtm.core.event.OfferAccepted;
import org.mvtm.core.event.OfferDeclined;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.CustomerId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.routing.api.InteractionStatus;
import org.mvtm.routing.api.InteractionView;
import org.mvtm.routing.api.QueueConfig;
import org.mvtm.routing.api.RoutingConfig;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.routing.api.RoutingEngines;
import org.mvtm.testing.RedisServerProcess;

/**
 * Two engines share one real redis-server and route 10,000 interactions (voice, video, chat) to 50 advisors at
 * the same time; node B is killed mid-run while it holds unanswered offers. No advisor is ever over capacity, no
 * interaction is accepted twice, and every interaction is accepted exactly once (B's offers return to the queue when
 * their lease expires and node A serves them).
 */
@Tag("peer")
class TwoNodesOnRedisTest {
    static final int INTERACTIONS = Integer.getInteger("routing.twoNodes.interactions", 10_000);
    static final int ADVISORS = 50;
    static final QueueId QUEUE = QueueId.of("general");

    /** Simulated advisor desktops on one node: accept every offer, then end the conversation at once. */
    static final class Desktops {
        final RoutingEngine engine;
        final Set<AgentId> mine = ConcurrentHashMap.newKeySet();
        final AtomicBoolean hung = new AtomicBoolean();
        final AtomicInteger ignored = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        final List<AgentId> foreignOffers = new CopyOnWriteArrayList<>();

        Desktops(RoutingEngine engine) {
            this.engine = engine;
        }
    }

    private final Map<AgentId, int[]> load = new ConcurrentHashMap<>();
    private final List<String> capacityViolations = new CopyOnWriteArrayList<>();
    private final Map<InteractionId, Integer> accepts = new ConcurrentHashMap<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger leaseExpiries = new AtomicInteger();

    private void work(Desktops d, AdvisorOffered offer, Channel channel) {
        if (d.hung.get()) {
            d.ignored.incrementAndGet();
            return;
        }
        if (!d.mine.contains(offer.advisor())) {
            d.foreignOffers.add(offer.advisor());
        }
        try {
            d.engine.accept(offer.interaction(), offer.advisor());
        } catch (RuntimeException e) {
            d.failures.incrementAndGet();
            return;
        }
        int[] l = load.computeIfAbsent(offer.advisor(), k -> new int[2]);
        synchronized (l) {
            l[channel == Channel.CHAT ? 1 : 0]++;
            if (l[0] > 1 || l[1] > 3) {
                capacityViolations.add(offer.advisor() + " media=" + l[0] + " chats=" + l[1]);
            }
        }
        synchronized (l) {
            l[channel == Channel.CHAT ? 1 : 0]--; // release our count before the store frees the slot
        }
        try {
            d.engine.complete(offer.interaction());
        } catch (RuntimeException e) {
            d.failures.incrementAndGet();
        }
    }

    private static Interaction interaction(int i) {
        Channel ch = Channel.values()[i % 3];
        Language lang = Language.values()[i % 3];
        Customer c = new Customer(CustomerId.of("cust-" + i), null, CustomerTier.values()[i % 3], lang, Region.HK);
        return new Interaction(InteractionId.of("ix-" + i), ConversationId.of("conv-" + i), ch, c, lang, List.of(),
                QUEUE, null, Instant.now());
    }

    @Test
    void twoEnginesRoute10000InteractionsTo50AdvisorsAndSurviveLosingOneNode() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.start(false);
             ExecutorService desks = Executors.newVirtualThreadPerTaskExecutor()) {
            RoutingConfig config = RoutingConfig.defaults().withWrapUpTime(Duration.ZERO)
                    .withOfferTimeout(Duration.ofSeconds(60)).withTickInterval(Duration.ofMillis(20))
                    .withLeases(Duration.ofMillis(1500), Duration.ofMillis(1000)).withMatchWindow(1000);
            InProcessEventBus busA = new InProcessEventBus();
            InProcessEventBus busB = new InProcessEventBus();
            RoutingEngine a = RoutingEngines.redis(redis.uri(), "node-a", config, Clock.systemUTC(), busA);
            RoutingEngine b = RoutingEngines.redis(redis.uri(), "node-b", config, Clock.systemUTC(), busB);
            try {
                Desktops deskA = new Desktops(a);
                Desktops deskB = new Desktops(b);
                Map<InteractionId, Channel> channels = new ConcurrentHashMap<>();
                for (InProcessEventBus bus : List.of(busA, busB)) {
                    Desktops d = bus == busA ? deskA : deskB;
                    bus.subscribe(AdvisorOffered.class, o -> desks.submit(() -> work(d, o, channels.get(o.interaction()))));
                    bus.subscribe(OfferAccepted.class, o -> {
                        accepts.merge(o.interaction(), 1, Integer::sum);
                        accepted.incrementAndGet();
                    });
                }
                busA.subscribe(OfferDeclined.class, d -> {
                    if (d.cause() == OfferDeclined.Cause.UNREACHABLE) {
                        leaseExpiries.incrementAndGet();
                    }
                });
                a.defineQueue(QueueConfig.of(QUEUE, List.of()));
                b.defineQueue(QueueConfig.of(QUEUE, List.of()));
                for (int i = 0; i < ADVISORS; i++) {
                    AgentId id = AgentId.of(String.format("adv-%02d", i));
                    RoutingEngine host = i < ADVISORS / 2 ? a : b;
                    (i < ADVISORS / 2 ? deskA : deskB).mine.add(id);
                    host.registerAdvisor(new Advisor(id, null, Region.HK,
                            Set.of(Skill.of("lang.en", 5), Skill.of("lang.zh", 5), Skill.of("lang.yue", 5)), null));
                    host.login(id);
                }
                for (int i = 0; i < INTERACTIONS; i++) {
                    channels.put(InteractionId.of("ix-" + i), Channel.values()[i % 3]);
                }
                // both nodes take customers: 6,000 build a backlog, the other 4,000 arrive while routing runs
                List<Thread> producers = new ArrayList<>();
                java.util.concurrent.CountDownLatch backlog = new java.util.concurrent.CountDownLatch(2);
                for (int n = 0; n < 2; n++) {
                    RoutingEngine e = n == 0 ? a : b;
                    int first = n;
                    producers.add(Thread.ofVirtual().start(() -> {
                        for (int i = first; i < INTERACTIONS; i += 2) {
                            if (i == first + INTERACTIONS * 3 / 5) {
                                backlog.countDown();
                            }
                            e.enqueue(interaction(i));
                        }
                    }));
                }
                backlog.await();
                for (int i = 0; i < ADVISORS; i++) {
                    AgentId id = AgentId.of(String.format("adv-%02d", i));
                    (i < ADVISORS / 2 ? a : b).ready(id);
                }
                for (Thread t : producers) {
                    t.join();
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> accepted.get() >= INTERACTIONS * 2 / 5);
                // node B hangs (its desks stop answering) while it keeps making offers, then dies
                deskB.hung.set(true);
                await().atMost(Duration.ofSeconds(30)).until(() -> deskB.ignored.get() >= 1);
                b.close();

                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                        .until(() -> accepts.size() == INTERACTIONS);

                assertThat(capacityViolations).isEmpty();
                assertThat(accepts.values()).allMatch(n -> n == 1);
                assertThat(accepted.get()).isEqualTo(INTERACTIONS);
                assertThat(leaseExpiries.get()).as("offers held by the dead node came back by lease").isPositive();
                assertThat(deskA.foreignOffers).isEmpty();
                assertThat(deskB.foreignOffers).isEmpty();
                int connected = 0;
                for (int i = 0; i < INTERACTIONS; i++) {
                    InteractionView v = a.interaction(InteractionId.of("ix-" + i)).orElseThrow();
                    assertThat(v.status()).isIn(InteractionStatus.ENDED, InteractionStatus.CONNECTED);
                    assertThat(v.advisor()).isPresent();
                    if (v.status() == InteractionStatus.CONNECTED) {
                        connected++;
                        assertThat(deskB.mine).as("only the dead node's advisors keep unfinished calls").contains(v.advisor().get());
                    }
                }
                assertThat(connected).isLessThanOrEqualTo(ADVISORS / 2 * 3);
                assertThat(a.queueStats().get(0).answered()).isEqualTo(INTERACTIONS);
            } finally {
                a.close();
                b.close();
            }
        }
    }
}
