package org.mvtm.server.wiring;

import java.time.Clock;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * answers again: tried every {@code retryEvery} (writing one twice keeps one row), not with each new one, which would
 * keep the new ones queued behind the tries. The disposition is on the call's sealed recording as well; one still
 * waiting when the server stops is named in the log, including one given an instant before.
 */
final class DispositionRecorder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DispositionRecorder.class);

    /** A disposition given, before routing was asked for its customer's region. */
    private record Given(InteractionDisposed disposed, InteractionId interaction) {
    }

    /** A disposition not yet in the database; {@code region} is blank when routing no longer knew the interaction. */
    private record Waiting(InteractionDisposed disposed, InteractionId interaction, String region) {
    }

    private final AdministrationService admin;
    private final RoutingEngine routing;
    private final ScheduledExecutorService writer =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("dispositions").factory());
    /** Added to on the publisher's thread, without waiting for anything; taken by the writer. */
    private final Queue<Given> given = new ConcurrentLinkedQueue<>();
    /** Written by the writer thread; read by {@link #close} as well. */
    private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    private final FailureStreakLog failures;
    private final EventBus.Subscription subscription;

    DispositionRecorder(AdministrationService admin, RoutingEngine routing, EventBus bus, Clock clock,
                        Duration retryEvery) {
        this.admin = admin;
        this.routing = routing;
        this.failures = new FailureStreakLog(log, "keeping wrap-up dispositions in the database", clock,
                Duration.ofMinutes(1));
        this.subscription = bus.subscribe(InteractionDisposed.class, e -> e.interaction().ifPresent(id -> {
            given.add(new Given(e, id));
            writer.execute(this::takeGiven);
        }));
        long every = retryEvery.toMillis();
        writer.scheduleWithFixedDelay(this::writeWaiting, every, every, TimeUnit.MILLISECONDS);
    }

    /** On the writer: the dispositions given, with their regions, to the waiting ones; written unless failing. */
    private void takeGiven() {
        for (Given g = given.peek(); g != null; g = given.peek()) {
            waiting.add(new Waiting(g.disposed(), g.interaction(), customerRegion(g.interaction())));
            given.poll();
        }
        if (failures.failures() == 0) {
            writeWaiting();
        }
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
        waiting.forEach(w -> notKept(w.disposed(), w.interaction()));
        given.forEach(g -> notKept(g.disposed(), g.interaction()));
    }

    private static void notKept(InteractionDisposed d, InteractionId interaction) {
        log.error("the disposition {} of {} by {} at {} was not kept in the database (it is on the call's recording)",
                d.code(), interaction, d.advisor(), d.at());
    }
}
