package org.mvtm.reporting.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Intervals starting in {@code [from, to)} (an interval is counted in whole: {@code from} is rounded down to its
 * interval), one row per interval and {@code by} key, narrowed to one queue and/or one customer region when given.
 */
public record ReportQuery(Instant from, Instant to, ReportDimension by, Optional<String> queue, Optional<String> region) {
    public ReportQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(by, "by");
        queue = queue == null ? Optional.empty() : queue;
        region = region == null ? Optional.empty() : region;
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        }
    }

    public static ReportQuery of(Instant from, Instant to, ReportDimension by) {
        return new ReportQuery(from, to, by, Optional.empty(), Optional.empty());
    }

    public ReportQuery inQueue(String queueId) {
        return new ReportQuery(from, to, by, Optional.of(queueId), region);
    }

    public ReportQuery inRegion(String regionCode) {
        return new ReportQuery(from, to, by, queue, Optional.of(regionCode));
    }
}
