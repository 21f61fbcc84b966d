package org.mvtm.reporting.api;

import java.time.Duration;
import java.util.List;

/** The stored interval records, read. Thread-safe. */
public interface IntervalReports {
    /** Length of one interval (15 minutes). */
    Duration intervalLength();

    /** One row per interval and key, intervals oldest first, keys in alphabetical order within an interval. */
    List<IntervalRow> intervals(ReportQuery query);

    /** One row per key over the whole range (its {@code start} is the first interval of the range). */
    List<IntervalRow> totals(ReportQuery query);
}
