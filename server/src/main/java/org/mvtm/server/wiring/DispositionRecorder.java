package org.mvtm.server.wiring;

import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.Disposition;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InteractionDisposed;
import org.mvtm.routing.api.RoutingEngine;
import org.mvtm.server.SerialWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every wrap-up disposition (code and notes) with its interaction in the system of record, so it survives a
 * restart and compliance can read it. Writes on a background thread (the bus thread never waits for the database);
 * the customer's region comes from routing, else the advisor's. A disposition without an interaction is not kept.
 */
final class DispositionRecorder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DispositionRecorder.class);
    private final AdministrationService admin;
    private final RoutingEngine routing;
    private final SerialWorker writer = new SerialWorker("dispositions");
    private final EventBus.Subscription subscription;

    DispositionRecorder(AdministrationService admin, RoutingEngine routing, EventBus bus) {
        this.admin = admin;
        this.routing = routing;
        this.subscription = bus.subscribe(InteractionDisposed.class, e -> e.interaction().ifPresent(id -> writer.execute(() -> {
            try {
                String region = routing.interaction(id).map(v -> v.interaction().customer().region().code())
                        .or(() -> admin.advisor(e.advisor().value()).map(a -> a.region())).orElse("");
                admin.dispositions().record(new Disposition(id.value(), e.advisor().value(), region, e.code(), e.notes(), e.at()));
            } catch (RuntimeException failed) {
                log.warn("could not keep the disposition {} of {}: {}", e.code(), id, failed.getMessage(), failed);
            }
        })));
    }

    @Override
    public void close() {
        subscription.close();
        writer.close();
    }
}
