package org.mvtm.reporting.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.mvtm.core.AdvisorState;
import org.mvtm.core.event.AdvisorStateChanged;
import org.mvtm.core.id.AgentId;

/**
 * Each advisor's staffed and handling time per interval, from their presence changes: the time spent in the state
 * they leave is split at interval boundaries. Staffed is ready, reserved, busy or wrap-up; handling is busy or wrap-up.
 * Not thread-safe: one caller at a time.
 */
final class AdvisorTimeLedger {
    private static final Set<AdvisorState> STAFFED =
            EnumSet.of(AdvisorState.READY, AdvisorState.RESERVED, AdvisorState.BUSY, AdvisorState.WRAP_UP);
    private static final Set<AdvisorState> HANDLING = EnumSet.of(AdvisorState.BUSY, AdvisorState.WRAP_UP);

    private final Intervals intervals;
    private final IntervalSink sink;
    private final Map<AgentId, Since> current = new HashMap<>();

    private record Since(AdvisorState state, Instant at) {}

    AdvisorTimeLedger(Intervals intervals, IntervalSink sink) {
        this.intervals = intervals;
        this.sink = sink;
    }

    void on(AdvisorStateChanged change) {
        Since before = current.put(change.advisor(), new Since(change.to(), change.at()));
        if (before == null || !STAFFED.contains(before.state()) || !change.at().isAfter(before.at())) {
            return;
        }
        boolean handling = HANDLING.contains(before.state());
        String advisor = change.advisor().value();
        intervals.split(
                before.at(), change.at(), (start, ms) -> sink.addAdvisorTime(start, advisor, ms, handling ? ms : 0));
    }
}
