package org.mvtm.reporting.internal;

import java.util.Map;

/** Where the ledgers add their figures: sums, never overwrites. */
interface IntervalSink {
    void add(IntervalKey key, Map<Measure, Long> amounts);

    void addAdvisorTime(long intervalStart, String advisor, long staffedMs, long handlingMs);
}
