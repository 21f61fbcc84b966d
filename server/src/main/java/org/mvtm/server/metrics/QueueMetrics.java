package org.mvtm.server.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.mvtm.reporting.api.IntervalReports;
import org.mvtm.reporting.api.IntervalRow;
import org.mvtm.reporting.api.ReportDimension;
import org.mvtm.reporting.api.ReportQuery;
import org.mvtm.routing.api.QueueStats;
import org.mvtm.routing.api.RoutingEngine;

/**
 * Per-queue metrics on {@code /actuator/prometheus}, tagged {@code queue}: now (waiting, longest wait, from routing),
 * counters since this node started (offered, answered, abandoned), and from the interval records service level and
 * ASA of today (UTC) and average handle time of the last hour. Queues added or withdrawn later are picked up every
 * 30 seconds.
 */
public final class QueueMetrics implements MeterBinder, AutoCloseable {
    private final RoutingEngine routing;
    private final IntervalReports reports;
    private final Clock clock;
    private final Map<String, List<Meter>> meters = new HashMap<>();
    private final ScheduledExecutorService refresh =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("queue-metrics").factory());
    private MeterRegistry registry;

    public QueueMetrics(RoutingEngine routing, IntervalReports reports, Clock clock) {
        this.routing = routing;
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        this.registry = registry;
        sync();
        refresh.scheduleWithFixedDelay(this::sync, 30, 30, TimeUnit.SECONDS);
    }

    /** Registers the meters of new queues and removes those of withdrawn ones. */
    public synchronized void sync() {
        Set<String> queues = new HashSet<>();
        routing.queues().forEach(q -> queues.add(q.id().value()));
        meters.keySet().stream().filter(q -> !queues.contains(q)).toList()
                .forEach(q -> meters.remove(q).forEach(registry::remove));
        queues.stream().filter(q -> !meters.containsKey(q)).forEach(q -> meters.put(q, register(q)));
    }

    private List<Meter> register(String queue) {
        Tags tags = Tags.of("queue", queue);
        List<Meter> m = new ArrayList<>();
        m.add(gauge("mvtm.queue.waiting", "customers waiting in the queue now", tags, q -> live(queue).map(QueueStats::waiting).orElse(0)));
        m.add(gauge("mvtm.queue.longest.wait.seconds", "how long the longest-waiting customer has waited", tags,
                q -> live(queue).map(s -> s.longestWait().toMillis() / 1000.0).orElse(0.0)));
        m.add(counter("mvtm.queue.offered", "customers who entered the queue since this node started", tags,
                q -> live(queue).map(QueueStats::offered).orElse(0L)));
        m.add(counter("mvtm.queue.answered", "customers answered since this node started", tags,
                q -> live(queue).map(QueueStats::answered).orElse(0L)));
        m.add(counter("mvtm.queue.abandoned", "customers who left before an answer since this node started", tags,
                q -> live(queue).map(QueueStats::abandoned).orElse(0L)));
        m.add(gauge("mvtm.queue.service.level", "answered within the queue's threshold / (answered + abandoned), today (UTC)", tags,
                q -> today(queue).map(IntervalRow::serviceLevel).orElse(Double.NaN)));
        m.add(gauge("mvtm.queue.answer.speed.seconds", "average speed of answer, today (UTC)", tags,
                q -> today(queue).map(IntervalRow::asaSeconds).orElse(Double.NaN)));
        m.add(gauge("mvtm.queue.handle.time.seconds", "average handle time (talk + hold + wrap-up), interactions offered in the last hour", tags,
                q -> lastHour(queue).map(IntervalRow::ahtSeconds).orElse(Double.NaN)));
        return m;
    }

    private Meter gauge(String name, String help, Tags tags, ToDoubleFunction<QueueMetrics> value) {
        return Gauge.builder(name, this, value).description(help).tags(tags).register(registry);
    }

    private Meter counter(String name, String help, Tags tags, ToDoubleFunction<QueueMetrics> value) {
        return FunctionCounter.builder(name, this, value).description(help).tags(tags).register(registry);
    }

    private Optional<QueueStats> live(String queue) {
        return routing.queueStats().stream().filter(s -> s.queue().value().equals(queue)).findFirst();
    }

    private Optional<IntervalRow> today(String queue) {
        Instant now = clock.instant();
        Instant day = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
        return totals(queue, day, day.plus(Duration.ofDays(1)));
    }

    private Optional<IntervalRow> lastHour(String queue) {
        Instant now = clock.instant();
        return totals(queue, now.minus(Duration.ofHours(1)), now.plusSeconds(1));
    }

    private Optional<IntervalRow> totals(String queue, Instant from, Instant to) {
        return reports.totals(ReportQuery.of(from, to, ReportDimension.QUEUE).inQueue(queue)).stream().findFirst();
    }

    @Override
    public void close() {
        refresh.shutdownNow();
    }
}
