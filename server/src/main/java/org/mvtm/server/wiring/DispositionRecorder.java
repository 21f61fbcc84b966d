package org.mvtm.server.wiring;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.Disposition;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InteractionDisposed;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.log.FailureStreakLog;
import org.mvtm.routing.api.RoutingEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every wrap-up disposition (code and notes) with its interaction in the system of record, so it survives a
 * restart and compliance can read it. Writes on a background thread (the bus thread never waits for the database);
 * the customer's region comes from routing, else the advisor's. A disposition without an interaction is not kept.
 *
 * <p>While the database does not answer, dispositions wait in memory, in the order given, and are written once it
 * answers again: tried with the next disposition and every {@code retryEvery} (writing one twice keeps one row). The
 * disposition is on the call's sealed recording as well; one still waiting when the server stops is named in the log.
 */
final class DispositionRecorder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DispositionRecorder.class);

    /** A disposition not yet in the database; {@code region} is blank when routing no longer knew the interaction. */
    private record Waiting(InteractionDisposed disposed, InteractionId interaction, String region) {
    }

    private final AdministrationService admin;
    private final RoutingEngine routing;
    private final ScheduledExecutorService writer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("dispositions").factory());
    /** Touched on the writer thread only. */
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private final FailureStreakLog failures;
    private final EventBus.Subscription subscription;

    DispositionRecorder(AdministrationService admin, RoutingEngine routing, EventBus bus, Clock clock,
                        Duration retryEvery) {
        this.admin = admin;
        this.routing = routing;
        this.failures = new FailureStreakLog(log, "keeping wrap-up dispositions in the database", clock,
                Duration.ofMinutes(1));
        this.subscription = bus.subscribe(InteractionDisposed.class, e -> e.interaction().ifPresent(id ->
                writer.execute(() -> {
                    waiting.add(new Waiting(e, id, customerRegion(id)));
                    writeWaiting();
                })));
        long every = retryEvery.toMillis();
        writer.scheduleWithFixedDelay(this::writeWaiting, every, every, TimeUnit.MILLISECONDS);
    }

    /** The customer's region as routing has it (in Redis in a cluster), or blank. */
    private String customerRegion(InteractionId id) {
        try {
            return routing.interaction(id).map(v -> v.interaction().customer().region().code()).orElse("");
        } catch (RuntimeException unreachable) {
            return "";
        }
    }

    private void writeWaiting() {
        while (!waiting.isEmpty()) {
            Waiting next = waiting.peek();
            InteractionDisposed e = next.disposed();
            try {
                String region = next.region().isEmpty()
                        ? admin.advisor(e.advisor().value()).map(a -> a.region()).orElse("") : next.region();
                admin.dispositions().record(new Disposition(next.interaction().value(), e.advisor().value(), region,
                        e.code(), e.notes(), e.at()));
            } catch (RuntimeException failed) {
                failures.failed(failed);
                return;
            }
            waiting.poll();
            failures.succeeded();
        }
    }

    @Override
    public void close() {
        subscription.close();
        writer.shutdown();
        try {
            writer.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        waiting.forEach(w -> log.error("the disposition {} of {} by {} at {} was not kept in the database (it is on the "
                + "call's recording)", w.disposed().code(), w.interaction(), w.disposed().advisor(), w.disposed().at()));
    }
}
