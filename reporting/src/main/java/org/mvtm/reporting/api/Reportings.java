package org.mvtm.reporting.api;

import java.time.Clock;
import org.mvtm.admin.api.DatabaseSettings;
import org.mvtm.core.event.EventBus;
import org.mvtm.reporting.internal.DefaultReporting;

/**
 * Opens interval reporting: migrates the {@code reporting} schema and starts recording the bus's events. Interval
 * boundaries come from the events' own times, stamped by the publishers' injected clock.
 */
public final class Reportings {
    private Reportings() {}

    /**
     * {@code database}: the system of record's ({@code jdbc:postgresql:} or {@code jdbc:h2:}); the records use their
     * own schema {@code reporting} with their own migration history. {@code clock}: the node's, for the log of a
     * database outage (the figures are kept and written again).
     */
    public static ReportingService open(DatabaseSettings database, EventBus bus, QueueTargets targets, Clock clock) {
        return DefaultReporting.open(database, bus, targets, clock);
    }
}
