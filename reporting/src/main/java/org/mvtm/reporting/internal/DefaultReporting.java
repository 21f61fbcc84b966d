package org.mvtm.reporting.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mvtm.admin.api.DatabaseSettings;
import org.mvtm.admin.api.Databases;
import org.mvtm.core.AdvisorState;
import org.mvtm.core.event.AdvisorStateChanged;
import org.mvtm.core.event.CallHeld;
import org.mvtm.core.event.CallbackRequested;
import org.mvtm.core.event.ContactEvent;
import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.InteractionAbandoned;
import org.mvtm.core.event.InteractionEnded;
import org.mvtm.core.event.InteractionQueued;
import org.mvtm.core.event.InteractionTransferred;
import org.mvtm.core.event.OfferAccepted;
import org.mvtm.reporting.api.IntervalRow;
import org.mvtm.reporting.api.QueueTargets;
import org.mvtm.reporting.api.ReportQuery;
import org.mvtm.reporting.api.ReportingService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Subscribes to the bus and hands every event to one serial executor, which runs the ledgers and writes to the
 * database: the publisher never waits for the database, and the ledgers see events in the order published. While the
 * database does not answer, the figures are kept ({@link PendingIntervalAdds}) and written again every
 * {@link #RETRY_EVERY}.
 */
public final class DefaultReporting implements ReportingService {
    private static final Logger log = LoggerFactory.getLogger(DefaultReporting.class);
    static final Duration INTERVAL = Duration.ofMinutes(15);
    static final Duration RETRY_EVERY = Duration.ofSeconds(10);

    private final HikariDataSource dataSource;
    private final Intervals intervals = new Intervals(INTERVAL);
    private final JdbcIntervalStore store;
    private final PendingIntervalAdds pending;
    private final InteractionLedger interactions;
    private final AdvisorTimeLedger advisors;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ScheduledExecutorService serial = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("reporting").factory());
    private final List<EventBus.Subscription> subscriptions;

    private DefaultReporting(HikariDataSource dataSource, EventBus bus, QueueTargets targets, Clock clock) {
        this.dataSource = dataSource;
        this.store = new JdbcIntervalStore(new JdbcTemplate(dataSource));
        this.pending = new PendingIntervalAdds(store, clock);
        this.interactions = new InteractionLedger(intervals, targets, pending);
        this.advisors = new AdvisorTimeLedger(intervals, pending);
        serial.scheduleWithFixedDelay(
                pending::retry, RETRY_EVERY.toMillis(), RETRY_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        this.subscriptions = List.of(
                bus.subscribe(InteractionQueued.class, this::record),
                bus.subscribe(OfferAccepted.class, this::record),
                bus.subscribe(CallHeld.class, this::record),
                bus.subscribe(InteractionTransferred.class, this::record),
                bus.subscribe(InteractionEnded.class, this::record),
                bus.subscribe(InteractionAbandoned.class, this::record),
                bus.subscribe(CallbackRequested.class, this::record),
                bus.subscribe(AdvisorStateChanged.class, this::record));
    }

    /**
     * Connects, migrates the {@code reporting} schema (its own history table) and starts recording; {@code clock}
     * times the log of a database outage.
     */
    public static DefaultReporting open(DatabaseSettings database, EventBus bus, QueueTargets targets, Clock clock) {
        HikariDataSource ds = Databases.openMigrated(
                database,
                "mvtm-reporting",
                3,
                flyway -> flyway.schemas("reporting")
                        .table("reporting_schema_history")
                        .locations("classpath:db/reporting"));
        return new DefaultReporting(ds, bus, targets, clock);
    }

    private void record(ContactEvent event) {
        serial.execute(() -> {
            try {
                if (event instanceof AdvisorStateChanged change) {
                    if (change.from() == AdvisorState.WRAP_UP) {
                        interactions.wrapUpOver(change.advisor(), change.at());
                    }
                    advisors.on(change);
                } else {
                    interactions.on(event);
                }
            } catch (RuntimeException e) {
                log.warn("interval figures not counted for {}: {}", event, e.toString());
            }
        });
    }

    /** Waits until the events published so far are counted, and tries once more to write what is kept. */
    @Override
    public void flush() {
        try {
            serial.submit(pending::retry).get(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("reporting did not catch up", e);
        }
    }

    @Override
    public Duration intervalLength() {
        return intervals.length();
    }

    @Override
    public List<IntervalRow> intervals(ReportQuery query) {
        return store.read(query, intervals.startOf(query.from()), true);
    }

    @Override
    public List<IntervalRow> totals(ReportQuery query) {
        return store.read(query, intervals.startOf(query.from()), false);
    }

    /** Closing again does nothing (the owner may close it early, and its container again at shutdown). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        subscriptions.forEach(EventBus.Subscription::close);
        serial.execute(this::lastTry);
        serial.shutdown(); // the retries stop; what was handed to it before still runs
        try {
            serial.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dataSource.close();
    }

    private void lastTry() {
        pending.retry();
        if (pending.keptRows() > 0) {
            log.error(
                    "closing with {} interval rows the database has not taken: their figures are lost",
                    pending.keptRows());
        }
    }
}
