package org.mvtm.routing.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.mvtm.core.Advisor;
import org.mvtm.core.Channel;
import org.mvtm.core.Customer;
import org.mvtm.core.CustomerTier;
import org.mvtm.core.Interaction;
import org.mvtm.core.Language;
import org.mvtm.core.Product;
import org.mvtm.core.Region;
import org.mvtm.core.Skill;
import org.mvtm.core.SkillRequirement;
import org.mvtm.core.event.AdvisorOffered;
import org.mvtm.core.event.InProcessEventBus;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.CustomerId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.core.time.MutableClock;
import org.mvtm.routing.api.QueueConfig;
import org.mvtm.routing.api.RelaxationStep;
import org.mvtm.routing.api.RoutingConfig;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.routing.api.RoutingEngines;
import redis.clients.jedis.RedisClient;

/**
 * Routing decisions per second and decision latency at N waiting customers and M advisors, for the skill-based engine
 * (in memory and on Redis) and for a plain FIFO queue baseline (in memory and on a Redis list) in the same run.
 *
 * <p>Steady state: every advisor holds one voice call and {@code waiting} customers wait. One decision = one advisor
 * finishes a call (wrap-up 0) and the engine picks the customer to offer (priority order over all waiting customers,
 * skill eligibility, best-skill selection, atomic reservation, explanation, events); the advisor accepts and a new
 * customer arrives so the queue stays at {@code waiting}. Latency is measured from the completion call to the
 * {@code AdvisorOffered} event.
 *
 * <p>Usage: {@code RoutingBench <waiting> <advisors> <decisions> [redis://host:port]}.
 */
public final class RoutingBench {
    private static final QueueId QUEUE = QueueId.of("bench");
    private static final Product[] PRODUCTS = Product.values();

    record Stats(String name, int decisions, double perSecond, double p50Micros, double p99Micros, double maxMicros) {
        String row() {
            return String.format(Locale.ROOT, "| %-34s | %,9d | %,12.0f | %9.1f | %9.1f | %10.1f |",
                    name, decisions, perSecond, p50Micros, p99Micros, maxMicros);
        }
    }

    static Stats stats(String name, long[] nanos, long wallNanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return new Stats(name, s.length, s.length / (wallNanos / 1e9), s[s.length / 2] / 1e3,
                s[(int) Math.ceil(s.length * 0.99) - 1] / 1e3, s[s.length - 1] / 1e3);
    }

    // ------------------------------------------------------------------ skill-based engine

    static Advisor advisor(int i, SplittableRandom r) {
        Set<Skill> skills = new HashSet<>();
        for (Language l : Language.values()) {
            skills.add(Skill.of(l.skillName(), 3 + r.nextInt(8)));
        }
        for (Product p : PRODUCTS) {
            if (r.nextInt(3) == 0) {
                skills.add(Skill.of(p.skillName(), 1 + r.nextInt(10)));
            }
        }
        AgentId id = AgentId.of(String.format(Locale.ROOT, "adv-%04d", i));
        return new Advisor(id, null, Region.HK, skills, Map.of(Channel.VOICE, 1, Channel.VIDEO, 1, Channel.CHAT, 3));
    }

    static Interaction customer(long i, SplittableRandom r, Instant at) {
        Language lang = Language.values()[r.nextInt(3)];
        Customer c = new Customer(CustomerId.of("cust-" + i), null, CustomerTier.values()[r.nextInt(3)], lang, Region.HK);
        List<SkillRequirement> reqs = List.of(SkillRequirement.of(PRODUCTS[r.nextInt(PRODUCTS.length)].skillName(), 1 + r.nextInt(5)));
        return new Interaction(InteractionId.of("ix-" + i), ConversationId.of("conv-" + i), Channel.VOICE, c, lang, reqs,
                QUEUE, null, at);
    }

    static Stats engine(String name, Supplier<RoutingEngine> factory, MutableClock clock, InProcessEventBus bus,
                        int waiting, int advisors, int decisions, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<AdvisorOffered> offers = new ArrayList<>();
        bus.subscribe(AdvisorOffered.class, offers::add);
        try (RoutingEngine engine = factory.get()) {
            engine.defineQueue(QueueConfig.of(QUEUE, List.of()).withLanguageMinLevel(3)
                    .withRelaxation(List.of(RelaxationStep.lowerLevels(Duration.ofSeconds(30), 2),
                            RelaxationStep.languageOnly(Duration.ofSeconds(90)))));
            long next = 0;
            Map<AgentId, InteractionId> calls = new HashMap<>();
            // every advisor gets one call: advisors become ready one by one with a customer waiting each time
            for (int i = 0; i < advisors; i++) {
                Advisor a = advisor(i, r);
                engine.registerAdvisor(a);
                engine.login(a.id());
            }
            for (int i = 0; i < advisors + waiting; i++) {
                clock.advance(Duration.ofMillis(50));
                engine.enqueue(customer(next++, r, clock.instant()));
            }
            for (Advisor a : engine.advisors()) {
                engine.ready(a.id());
            }
            for (AdvisorOffered o : offers) {
                engine.accept(o.interaction(), o.advisor());
                calls.put(o.advisor(), o.interaction());
            }
            offers.clear();
            List<AgentId> busy = new ArrayList<>(calls.keySet());
            busy.sort(java.util.Comparator.comparing(AgentId::value));
            int warmup = Math.min(decisions / 5, 2000);
            long[] nanos = new long[decisions];
            long wall = 0;
            int made = 0;
            for (int d = -warmup; d < decisions; d++) {
                if (busy.isEmpty()) {
                    throw new IllegalStateException("no busy advisor left: the benchmark lost its steady state");
                }
                AgentId a = busy.get(r.nextInt(busy.size()));
                clock.advance(Duration.ofMillis(200));
                long t0 = System.nanoTime();
                engine.complete(calls.remove(a));
                long t1 = System.nanoTime();
                if (d >= 0) {
                    nanos[d] = t1 - t0;
                    wall += t1 - t0;
                }
                busy.remove(a);
                for (AdvisorOffered o : offers) {
                    engine.accept(o.interaction(), o.advisor());
                    calls.put(o.advisor(), o.interaction());
                    busy.add(o.advisor());
                    made++;
                }
                offers.clear();
                engine.enqueue(customer(next++, r, clock.instant()));
                for (AdvisorOffered o : offers) { // an idle advisor may take the newcomer
                    engine.accept(o.interaction(), o.advisor());
                    calls.put(o.advisor(), o.interaction());
                    busy.add(o.advisor());
                }
                offers.clear();
            }
            System.err.printf(Locale.ROOT, "%s: %d decisions produced %d offers; waiting now %d%n", name, decisions + warmup, made,
                    engine.queueStats().get(0).waiting());
            return stats(name, nanos, wall);
        }
    }

    // ------------------------------------------------------------------ FIFO baselines

    static Stats fifoInMemory(int waiting, int advisors, int decisions) {
        ArrayDeque<Long> queue = new ArrayDeque<>();
        Map<String, Long> assigned = new HashMap<>();
        Object lock = new Object();
        for (long i = 0; i < waiting; i++) {
            queue.add(i);
        }
        long next = waiting;
        long[] nanos = new long[decisions];
        long wall = 0;
        for (int d = -Math.min(decisions / 5, 2000); d < decisions; d++) {
            String adv = "adv-" + (d & (advisors - 1 | 1));
            long t0 = System.nanoTime();
            synchronized (lock) {
                Long c = queue.pollFirst();
                assigned.put(adv, c);
            }
            long t1 = System.nanoTime();
            if (d >= 0) {
                nanos[d] = t1 - t0;
                wall += t1 - t0;
            }
            synchronized (lock) {
                queue.addLast(next++);
            }
        }
        return stats("FIFO baseline, in memory", nanos, wall);
    }

    static Stats fifoRedis(String uri, int waiting, int advisors, int decisions) {
        try (RedisClient redis = RedisClient.create(java.net.URI.create(uri))) {
            redis.del("bench:fifo", "bench:assigned");
            for (long i = 0; i < waiting; i++) {
                redis.rpush("bench:fifo", Long.toString(i));
            }
            long next = waiting;
            long[] nanos = new long[decisions];
            long wall = 0;
            for (int d = -Math.min(decisions / 5, 2000); d < decisions; d++) {
                String adv = "adv-" + (d % advisors);
                long t0 = System.nanoTime();
                String c = redis.lpop("bench:fifo");
                redis.hset("bench:assigned", adv, c);
                long t1 = System.nanoTime();
                if (d >= 0) {
                    nanos[d] = t1 - t0;
                    wall += t1 - t0;
                }
                redis.rpush("bench:fifo", Long.toString(next++));
            }
            return stats("FIFO baseline, Redis list (LPOP+HSET)", nanos, wall);
        }
    }

    public static void main(String[] args) {
        int waiting = Integer.parseInt(args[0]);
        int advisors = Integer.parseInt(args[1]);
        int decisions = Integer.parseInt(args[2]);
        String redisUri = args.length > 3 ? args[3] : null;
        RoutingConfig config = RoutingConfig.defaults().withScheduling(RoutingConfig.Scheduling.MANUAL)
                .withWrapUpTime(Duration.ZERO).withOfferTimeout(Duration.ofDays(1)).withLeases(Duration.ofDays(1), Duration.ofDays(1))
                .withMatchWindow(Math.max(5000, waiting));
        List<Stats> rows = new ArrayList<>();
        rows.add(fifoInMemory(waiting, advisors, decisions));
        MutableClock c1 = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
        InProcessEventBus b1 = new InProcessEventBus();
        rows.add(engine("skill routing, in-memory store", () -> RoutingEngines.inMemory(config, c1, b1), c1, b1,
                waiting, advisors, decisions, 42));
        if (redisUri != null) {
            rows.add(fifoRedis(redisUri, waiting, advisors, Math.min(decisions, 20_000)));
            MutableClock c2 = new MutableClock(Instant.parse("2026-01-05T09:00:00Z"));
            InProcessEventBus b2 = new InProcessEventBus();
            try (RedisClient r = RedisClient.create(java.net.URI.create(redisUri))) {
                r.flushAll();
            }
            rows.add(engine("skill routing, Redis store (loopback)", () -> RoutingEngines.redis(redisUri, "bench", config, c2, b2),
                    c2, b2, waiting, advisors, Math.min(decisions, 3_000), 42));
        }
        System.out.printf(Locale.ROOT, "waiting customers: %d, advisors: %d, JVM %s, %d cores%n%n", waiting, advisors,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.println("| variant                            | decisions | decisions/s  | p50 (µs)  | p99 (µs)  | max (µs)   |");
        System.out.println("|------------------------------------|----------:|-------------:|----------:|----------:|-----------:|");
        rows.forEach(s -> System.out.println(s.row()));
    }
}
