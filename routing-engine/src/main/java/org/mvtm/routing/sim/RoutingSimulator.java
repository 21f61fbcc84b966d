package org.mvtm.routing.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
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
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.CustomerId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.core.time.MutableClock;
import org.mvtm.routing.RoutingEngineImpl;
import org.mvtm.routing.api.InteractionStatus;
import org.mvtm.routing.api.QueueConfig;
import org.mvtm.routing.api.QueueStats;
import org.mvtm.routing.api.RoutingConfig;
import org.mvtm.routing.api.ServiceLevelTarget;
import org.mvtm.routing.store.InMemoryRoutingStore;

/**
 * Discrete-event simulation for workforce planning that drives the real routing engine (in-memory store, MANUAL
 * scheduling, simulated clock): Poisson arrivals, exponential handle times, optional exponential caller patience,
 * advisors who accept every offer at once and have no wrap-up. Deterministic for a given seed.
 */
public final class RoutingSimulator {

    /** Simulation inputs; {@code patienceSeconds} 0 means callers never abandon. */
    public record Params(int agents, double arrivalsPerHour, double ahtSeconds, double slaSeconds, double hours,
                         long seed, double patienceSeconds) {
        public Params {
            if (agents < 1 || arrivalsPerHour <= 0 || ahtSeconds <= 0 || slaSeconds <= 0 || hours <= 0 || patienceSeconds < 0) {
                throw new IllegalArgumentException("agents >= 1 and positive arrivals, aht, sla and hours are required");
            }
        }
    }

    /**
     * Results measured by the simulator from event times; {@code engineServiceLevel} is what the engine's own
     * queue statistics report for the same run (the two must agree).
     */
    public record Result(long offered, long answered, long abandoned, double serviceLevel, double asaSeconds,
                         double probWait, double occupancy, double abandonRate, double engineServiceLevel) {
        public String toJson() {
            return String.format(Locale.ROOT,
                    "{\"offered\":%d,\"answered\":%d,\"abandoned\":%d,\"serviceLevel\":%.4f,\"asaSeconds\":%.3f,"
                            + "\"probWait\":%.4f,\"occupancy\":%.4f,\"abandonRate\":%.4f,\"engineServiceLevel\":%.4f}",
                    offered, answered, abandoned, serviceLevel, asaSeconds, probWait, occupancy, abandonRate, engineServiceLevel);
        }
    }

    private enum Kind { ARRIVAL, COMPLETION, PATIENCE_END }

    private record Event(double at, Kind kind, long id) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            int c = Double.compare(at, o.at);
            return c != 0 ? c : Long.compare(id, o.id);
        }
    }

    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final QueueId QUEUE = QueueId.of("sim");

    private final Params p;
    private final SplittableRandom random;
    private final MutableClock clock = new MutableClock(START);
    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private final Map<Long, Double> arrivedAt = new HashMap<>();
    private double now;
    private long answered;
    private long withinSla;
    private long waited;
    private double waitSum;
    private long abandoned;
    private double busySeconds;

    public RoutingSimulator(Params params) {
        this.p = params;
        this.random = new SplittableRandom(params.seed());
    }

    private double exp(double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }

    private static Instant at(double seconds) {
        return START.plusNanos(Math.round(seconds * 1e9));
    }

    public Result run() {
        InProcessEventBus bus = new InProcessEventBus();
        RoutingConfig config = RoutingConfig.defaults().withScheduling(RoutingConfig.Scheduling.MANUAL)
                .withWrapUpTime(Duration.ZERO).withOfferTimeout(Duration.ofDays(365))
                .withLeases(Duration.ofDays(365), Duration.ofDays(365));
        long offered = 0;
        try (RoutingEngineImpl engine = new RoutingEngineImpl(new InMemoryRoutingStore(1000), "sim", config, clock, bus, true)) {
            engine.defineQueue(QueueConfig.of(QUEUE, List.of())
                    .withSla(ServiceLevelTarget.of(0.8, Duration.ofMillis(Math.round(p.slaSeconds() * 1000)))));
            bus.subscribe(AdvisorOffered.class, o -> {
                engine.accept(o.interaction(), o.advisor());
                long id = Long.parseLong(o.interaction().value());
                double wait = now - arrivedAt.remove(id);
                answered++;
                waitSum += wait;
                if (wait > 0) {
                    waited++;
                }
                if (wait <= p.slaSeconds()) {
                    withinSla++;
                }
                double handle = exp(p.ahtSeconds());
                busySeconds += Math.min(handle, p.hours() * 3600 - now);
                events.add(new Event(now + handle, Kind.COMPLETION, id));
            });
            for (int i = 0; i < p.agents(); i++) {
                AgentId a = AgentId.of(String.format(Locale.ROOT, "agent-%04d", i));
                engine.registerAdvisor(new Advisor(a, a.value(), Region.HK, Set.of(Skill.of("lang.en", 5)), null));
                engine.login(a);
                engine.ready(a);
            }
            double end = p.hours() * 3600;
            double mean = 3600 / p.arrivalsPerHour();
            events.add(new Event(exp(mean), Kind.ARRIVAL, 1));
            while (!events.isEmpty()) {
                Event e = events.poll();
                now = e.at();
                clock.set(at(now));
                switch (e.kind()) {
                    case ARRIVAL -> {
                        if (now > end) {
                            continue;
                        }
                        offered++;
                        arrivedAt.put(e.id(), now);
                        events.add(new Event(now + exp(mean), Kind.ARRIVAL, e.id() + 1));
                        if (p.patienceSeconds() > 0) {
                            events.add(new Event(now + exp(p.patienceSeconds()), Kind.PATIENCE_END, e.id()));
                        }
                        engine.enqueue(customer(e.id()));
                    }
                    case COMPLETION -> engine.complete(InteractionId.of(Long.toString(e.id())));
                    case PATIENCE_END -> {
                        InteractionId id = InteractionId.of(Long.toString(e.id()));
                        if (arrivedAt.containsKey(e.id())
                                && engine.interaction(id).map(v -> v.status() == InteractionStatus.QUEUED).orElse(false)) {
                            arrivedAt.remove(e.id());
                            engine.abandon(id);
                            abandoned++;
                        }
                    }
                }
            }
            QueueStats stats = engine.queueStats().get(0);
            long outcomes = answered + abandoned;
            return new Result(offered, answered, abandoned,
                    outcomes == 0 ? 1 : (double) withinSla / outcomes,
                    answered == 0 ? 0 : waitSum / answered,
                    answered == 0 ? 0 : (double) waited / answered,
                    busySeconds / (p.agents() * end),
                    outcomes == 0 ? 0 : (double) abandoned / outcomes,
                    stats.serviceLevel());
        }
    }

    private Interaction customer(long id) {
        String s = Long.toString(id);
        Customer c = new Customer(CustomerId.of("cust-" + s), null, CustomerTier.STANDARD, Language.EN, Region.HK);
        return new Interaction(InteractionId.of(s), ConversationId.of("conv-" + s), Channel.VOICE, c, Language.EN,
                List.of(), QUEUE, null, at(now));
    }
}
