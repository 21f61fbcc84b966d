package org.mvtm.server.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mvtm.sip.api.SipEdge;
import org.mvtm.sip.api.SipRejectionReasons;

/**
 * {@code mvtm.sip.requests.rejected}, tagged {@code reason} with the edge's counter name ({@code overload-rate},
 * {@code overload-recording}, {@code auth-wrong}, {@code flood}, {@code 400}, ...), so that an operator sees why calls
 * and registrations are refused, not only how many. The reasons an operator alerts on are there from the start at
 * zero (the edge counts {@link SipRejectionReasons#COUNTED_FROM_START} from zero); any other reason
 * is added once the edge has counted it, at the latest one refresh later.
 */
public final class SipRejectionMetrics implements MeterBinder, AutoCloseable {
    static final String NAME = "mvtm.sip.requests.rejected";

    private final SipEdge sip;
    private final Duration refreshEvery;
    private final Set<String> registered = new HashSet<>();
    private final ScheduledExecutorService refresh =
            Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("sip-rejection-metrics").factory());
    private MeterRegistry registry;

    public SipRejectionMetrics(SipEdge sip, Duration refreshEvery) {
        this.sip = sip;
        this.refreshEvery = refreshEvery;
    }

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        this.registry = registry;
        sync();
        long millis = refreshEvery.toMillis();
        refresh.scheduleWithFixedDelay(this::sync, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Registers a counter for every reason the edge has counted that has none yet. */
    public synchronized void sync() {
        sip.metrics().rejectedByReason().keySet().forEach(this::register);
    }

    private void register(String reason) {
        if (registered.add(reason)) {
            FunctionCounter.builder(NAME, sip, s -> s.metrics().rejected(reason))
                    .description("SIP requests the edge answered with an error, by reason").tag("reason", reason)
                    .register(registry);
        }
    }

    @Override
    public void close() {
        refresh.shutdownNow();
    }
}
