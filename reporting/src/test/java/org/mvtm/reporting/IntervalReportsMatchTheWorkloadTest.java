package org.mvtm.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mvtm.admin.api.DatabaseSettings;
import org.mvtm.core.Advisor;
import org.mvtm.core.Channel;
import org.mvtm.core.Customer;
import org.mvtm.core.CustomerTier;
import org.mvtm.core.Interaction;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.Skill;
import org.mvtm.core.event.AdvisorOffered;
import org.mvtm.core.event.CallHeld;
import org.mvtm.core.event.CallbackRequested;
import org.mvtm.core.event.InProcessEventBus;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.CustomerId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.core.time.MutableClock;
import org.mvtm.reporting.api.IntervalRow;
import org.mvtm.reporting.api.ReportDimension;
import org.mvtm.reporting.api.ReportQuery;
import org.mvtm.reporting.api.ReportingService;
import org.mvtm.reporting.api.Reportings;
import org.mvtm.routing.api.InteractionStatus;
import org.mvtm.routing.api.QueueConfig;
import org.mvtm.routing.api.RoutingConfig;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.routing.api.RoutingEngines;
import org.mvtm.routing.api.ServiceLevelTarget;

/**
 * A scripted workload of two hours through the real routing engine (arrivals, offers answered after a few rings,
 * impatient customers who hang up, holds, transfers, wrap-up) on a clock the test moves: the interval records must
 * count every offered interaction once, in the interval it arrived in, and their service level and average speed of
 * answer must equal the figures computed here from the test's own raw record of each interaction.
 */
class IntervalReportsMatchTheWorkloadTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:50:00Z"); // not on a boundary on purpose
    private static final Map<String, Duration> SLA =
            Map.of("cards", Duration.ofSeconds(20), "loans", Duration.ofSeconds(45));

    private final MutableClock clock = new MutableClock(T0);
    private final InProcessEventBus bus = new InProcessEventBus();
    private RoutingEngine engine;
    ReportingService reporting;

    /** What the test saw happen to one interaction: its raw record. */
    private static final class Raw {
        final String queue;
        final Channel channel;
        final Region region;
        final Instant queuedAt;
        Instant answeredAt;
        boolean abandoned;
        Duration abandonWait;
        boolean callback;

        Raw(String queue, Channel channel, Region region, Instant queuedAt) {
            this.queue = queue;
            this.channel = channel;
            this.region = region;
            this.queuedAt = queuedAt;
        }
    }

    private enum Kind {
        ARRIVE,
        ANSWER,
        HOLD,
        RESUME,
        TRANSFER,
        HANG_UP,
        GIVE_UP,
        CALLBACK
    }

    private record Step(Instant at, long seq, Kind kind, String id, AgentId advisor) implements Comparable<Step> {
        @Override
        public int compareTo(Step o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    @BeforeEach
    void start() throws Exception {
        engine = RoutingEngines.inMemory(
                RoutingConfig.defaults()
                        .withScheduling(RoutingConfig.Scheduling.MANUAL)
                        .withWrapUpTime(Duration.ofSeconds(25))
                        .withOfferTimeout(Duration.ofHours(1)),
                clock,
                bus);
        SLA.forEach((q, within) -> engine.defineQueue(
                QueueConfig.of(QueueId.of(q), List.of()).withSla(ServiceLevelTarget.of(0.8, within))));
        reporting = Reportings.open(
                database(),
                bus,
                queue -> engine.queues().stream()
                        .filter(c -> c.id().value().equals(queue))
                        .findFirst()
                        .orElseThrow()
                        .sla()
                        .threshold(),
                clock);
    }

    /** The embedded H2 database (PostgreSQL mode, as the server runs it); {@code IntervalReportsOnPostgresTest}: PostgreSQL. */
    DatabaseSettings database() throws Exception {
        return new DatabaseSettings(
                "jdbc:h2:mem:reports-" + UUID.randomUUID()
                        + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
                "sa",
                "");
    }

    /** Runs the workload as the database sees it: here simply run; {@code IntervalReportsThroughADatabaseOutageTest}: while it is down. */
    <T> T whileRecording(Supplier<T> workload) throws Exception {
        return workload.get();
    }

    @AfterEach
    void stop() {
        reporting.close();
        engine.close();
    }

    @Test
    void everyOfferedInteractionIsCountedOnceAndServiceLevelAndSpeedOfAnswerMatchTheRawRecords() throws Exception {
        Map<String, Raw> raw = whileRecording(() -> runWorkload(new Random(18), Duration.ofHours(2)));
        reporting.flush();

        ReportQuery all =
                ReportQuery.of(T0.minus(Duration.ofHours(1)), T0.plus(Duration.ofHours(4)), ReportDimension.QUEUE);
        List<IntervalRow> rows = reporting.intervals(all);
        assertThat(rows.stream().mapToLong(IntervalRow::offered).sum()).isEqualTo(raw.size());
        assertThat(rows)
                .extracting(IntervalRow::start)
                .allSatisfy(s -> assertThat(
                                s.toEpochMilli() % Duration.ofMinutes(15).toMillis())
                        .isZero());
        assertThat(rows.stream().map(IntervalRow::start).distinct().count()).isGreaterThanOrEqualTo(8);
        assertMatches(rows, expected(raw, r -> r.queue));

        List<IntervalRow> channels =
                reporting.intervals(new ReportQuery(all.from(), all.to(), ReportDimension.CHANNEL, null, null));
        assertThat(channels.stream().mapToLong(IntervalRow::offered).sum()).isEqualTo(raw.size());
        assertMatches(channels, expected(raw, r -> r.channel.name()));

        Map<String, Raw> mo = new LinkedHashMap<>();
        raw.forEach((id, r) -> {
            if (r.region.equals(Region.MO) && r.queue.equals("loans")) {
                mo.put(id, r);
            }
        });
        List<IntervalRow> moLoans = reporting.intervals(all.inQueue("loans").inRegions(Set.of("MO")));
        assertThat(moLoans).extracting(IntervalRow::key).containsOnly("loans");
        assertMatches(moLoans, expected(mo, r -> r.queue));

        List<IntervalRow> totals = reporting.totals(all);
        assertThat(totals).extracting(IntervalRow::key).containsExactly("cards", "loans");
        assertMatches(totals, expectedTotals(raw, all.from()));

        List<IntervalRow> advisors =
                reporting.totals(new ReportQuery(all.from(), all.to(), ReportDimension.ADVISOR, null, null));
        assertThat(advisors).extracting(IntervalRow::key).containsExactly("alice", "bob", "chen");
        assertThat(advisors).allSatisfy(a -> {
            assertThat(a.handled()).isPositive();
            assertThat(a.ahtSeconds()).isCloseTo(a.talkSeconds() + a.holdSeconds() + a.wrapSeconds(), within(1e-6));
            assertThat(a.wrapSeconds()).isGreaterThanOrEqualTo(25.0); // wrap-up lasts 25 s, up to the next tick
            assertThat(a.occupancy()).isBetween(0.0, 1.0);
        });
        assertThat(advisors.stream().mapToLong(IntervalRow::transfers).sum()).isEqualTo(transfers);
        assertThat(advisors.stream().mapToLong(IntervalRow::answered).sum())
                .isEqualTo(
                        raw.values().stream().filter(r -> r.answeredAt != null).count());
        assertThat(advisors.stream().filter(a -> a.holdSeconds() > 0)).isNotEmpty();
    }

    private int transfers;

    /** Drives the engine through {@code length} of arrivals; returns the raw record of each interaction run. */
    private Map<String, Raw> runWorkload(Random random, Duration length) {
        Map<String, Raw> raw = new LinkedHashMap<>();
        PriorityQueue<Step> steps = new PriorityQueue<>();
        long[] seq = {0};
        java.util.function.BiConsumer<Duration, Step> after =
                (d, s) -> steps.add(new Step(clock.instant().plus(d), seq[0]++, s.kind(), s.id(), s.advisor()));
        for (String a : List.of("alice", "bob", "chen")) {
            AgentId id = AgentId.of(a);
            engine.registerAdvisor(new Advisor(id, a, Region.HK, Set.of(Skill.of("lang.en", 6)), null));
            engine.login(id);
            engine.ready(id);
        }
        Map<String, Integer> answers = new HashMap<>();
        bus.subscribe(
                AdvisorOffered.class,
                o -> after.accept(
                        Duration.ofSeconds(2 + random.nextInt(9)),
                        new Step(null, 0, Kind.ANSWER, o.interaction().value(), o.advisor())));
        Instant end = T0.plus(length);
        after.accept(Duration.ZERO, new Step(null, 0, Kind.ARRIVE, "i-1", null));
        while (!steps.isEmpty()) {
            Step s = steps.poll();
            clock.set(s.at());
            engine.tick(); // wrap-ups that ran out end now
            InteractionId id = InteractionId.of(s.id());
            Raw r = raw.get(s.id());
            switch (s.kind()) {
                case ARRIVE -> {
                    if (s.at().isAfter(end)) {
                        continue;
                    }
                    int n = Integer.parseInt(s.id().substring(2));
                    after.accept(
                            Duration.ofMillis((long) (-40_000 * Math.log(1 - random.nextDouble()))),
                            new Step(null, 0, Kind.ARRIVE, "i-" + (n + 1), null));
                    String queue = random.nextBoolean() ? "cards" : "loans";
                    Channel channel = random.nextInt(3) == 0 ? Channel.VIDEO : Channel.VOICE;
                    Region region = random.nextBoolean() ? Region.HK : Region.MO;
                    raw.put(s.id(), new Raw(queue, channel, region, clock.instant()));
                    Customer c =
                            new Customer(CustomerId.of("c-" + n), null, CustomerTier.STANDARD, Language.EN, region);
                    engine.enqueue(new Interaction(
                            id,
                            ConversationId.of("conv-" + n),
                            channel,
                            c,
                            Language.EN,
                            List.of(),
                            QueueId.of(queue),
                            null,
                            clock.instant()));
                    after.accept(
                            Duration.ofSeconds(20 + random.nextInt(120)),
                            new Step(null, 0, Kind.GIVE_UP, s.id(), null));
                    if (n % 5 == 0) { // asks to be called back while still waiting (pressing twice counts once)
                        after.accept(Duration.ofSeconds(3), new Step(null, 0, Kind.CALLBACK, s.id(), null));
                        after.accept(Duration.ofSeconds(4), new Step(null, 0, Kind.CALLBACK, s.id(), null));
                    }
                }
                case ANSWER -> {
                    if (engine.interaction(id)
                            .map(v -> v.status() == InteractionStatus.OFFERED)
                            .orElse(false)) {
                        engine.accept(id, s.advisor());
                        if (r.answeredAt == null) {
                            r.answeredAt = clock.instant();
                        }
                        int nth = answers.merge(s.id(), 1, Integer::sum);
                        if (nth == 1 && Integer.parseInt(s.id().substring(2)) % 7 == 0) {
                            after.accept(Duration.ofSeconds(40), new Step(null, 0, Kind.TRANSFER, s.id(), s.advisor()));
                            continue;
                        }
                        if (random.nextInt(3) == 0) {
                            after.accept(Duration.ofSeconds(15), new Step(null, 0, Kind.HOLD, s.id(), s.advisor()));
                            after.accept(Duration.ofSeconds(35), new Step(null, 0, Kind.RESUME, s.id(), s.advisor()));
                        }
                        after.accept(
                                Duration.ofSeconds(60 + random.nextInt(240)),
                                new Step(null, 0, Kind.HANG_UP, s.id(), s.advisor()));
                    }
                }
                case HOLD, RESUME -> bus.publish(new CallHeld(clock.instant(), id, s.kind() == Kind.HOLD));
                case TRANSFER -> {
                    engine.transferToQueue(id, QueueId.of(r.queue.equals("cards") ? "loans" : "cards"));
                    transfers++;
                }
                case HANG_UP -> engine.complete(id);
                case CALLBACK -> {
                    if (engine.interaction(id)
                            .map(v -> v.status() == InteractionStatus.QUEUED)
                            .orElse(false)) {
                        bus.publish(new CallbackRequested(clock.instant(), id, "+85212345678"));
                        r.callback = true;
                    }
                }
                case GIVE_UP -> {
                    if (r.answeredAt == null
                            && !r.callback
                            && engine.interaction(id)
                                    .map(v -> v.status() == InteractionStatus.QUEUED)
                                    .orElse(false)) {
                        engine.abandon(id);
                        r.abandoned = true;
                        r.abandonWait = Duration.between(r.queuedAt, clock.instant());
                    }
                }
            }
        }
        clock.advance(Duration.ofMinutes(5));
        engine.tick();
        assertThat(raw.values().stream().filter(r -> r.abandoned)).isNotEmpty();
        assertThat(raw.values().stream()
                        .filter(r -> r.answeredAt != null
                                && Duration.between(r.queuedAt, r.answeredAt).compareTo(SLA.get(r.queue)) > 0))
                .isNotEmpty();
        assertThat(transfers).isPositive();
        assertThat(raw.values().stream().filter(r -> r.callback)).isNotEmpty();
        return raw;
    }

    /** Expected figures per (interval the interaction arrived in, key), from the raw records alone. */
    private static Map<String, long[]> expected(Map<String, Raw> raw, java.util.function.Function<Raw, String> key) {
        Map<String, long[]> e = new TreeMap<>();
        long len = Duration.ofMinutes(15).toMillis();
        raw.values()
                .forEach(r -> add(
                        e.computeIfAbsent(
                                Instant.ofEpochMilli(r.queuedAt.toEpochMilli() / len * len) + "|" + key.apply(r),
                                k -> new long[6]),
                        r));
        return e;
    }

    private static Map<String, long[]> expectedTotals(Map<String, Raw> raw, Instant from) {
        Map<String, long[]> e = new TreeMap<>();
        long len = Duration.ofMinutes(15).toMillis();
        Instant first = Instant.ofEpochMilli(from.toEpochMilli() / len * len);
        raw.values().forEach(r -> add(e.computeIfAbsent(first + "|" + r.queue, k -> new long[6]), r));
        return e;
    }

    /** {offered, answered, answered within the queue's SLA, abandoned, total answer wait ms, callbacks}. */
    private static void add(long[] f, Raw r) {
        f[0]++;
        if (r.answeredAt != null) {
            long wait = Duration.between(r.queuedAt, r.answeredAt).toMillis();
            f[1]++;
            f[2] += wait <= SLA.get(r.queue).toMillis() ? 1 : 0;
            f[4] += wait;
        }
        if (r.abandoned) {
            f[3]++;
        }
        if (r.callback) {
            f[5]++;
        }
    }

    private static void assertMatches(List<IntervalRow> rows, Map<String, long[]> expected) {
        Map<String, IntervalRow> byKey = new TreeMap<>();
        rows.forEach(row -> byKey.put(row.start() + "|" + row.key(), row));
        assertThat(byKey.keySet()).containsExactlyElementsOf(expected.keySet());
        List<String> wrong = new ArrayList<>();
        expected.forEach((k, f) -> {
            IntervalRow row = byKey.get(k);
            double sl = (double) f[2] / (f[1] + f[3]);
            double asa = f[4] / 1000.0 / f[1];
            if (row.offered() != f[0]
                    || row.answered() != f[1]
                    || row.answeredWithinSla() != f[2]
                    || row.abandoned() != f[3]
                    || row.callbacks() != f[5]
                    || (f[1] + f[3] > 0 && Math.abs(row.serviceLevel() - sl) > 1e-9)
                    || (f[1] > 0 && Math.abs(row.asaSeconds() - asa) > 1e-9)) {
                wrong.add(k + ": report " + row + " but raw records give offered " + f[0] + ", answered " + f[1]
                        + ", within SLA " + f[2] + ", abandoned " + f[3] + ", callbacks " + f[5] + ", SL " + sl
                        + ", ASA " + asa);
            }
        });
        assertThat(wrong).isEmpty();
    }
}
