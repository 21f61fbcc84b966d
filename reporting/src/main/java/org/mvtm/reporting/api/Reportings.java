package org.mvtm.reporting.api;

import org.mvtm.core.event.EventBus;
import org.mvtm.reporting.internal.DefaultReporting;

/**
 * Opens interval reporting: migrates the {@code reporting} schema and starts recording the bus's events. Interval
 * boundaries come from the events' own times, stamped by the publishers' injected clock.
 */
public final class Reportings {
    private Reportings() {}

    public static ReportingService open(ReportingDatabase database, EventBus bus, QueueTargets targets) {
        return DefaultReporting.open(database, bus, targets);
    }
}
