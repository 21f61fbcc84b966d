package org.mvtm.reporting.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Intervals starting in {@code [from, to)} (an interval is counted in whole: {@code from} is rounded down to its
 * interval), one row per interval and {@code by} key, narrowed to one queue when given and to customers of {@code regions} (empty: every region).
 */
public record ReportQuery(Instant from, Instant to, ReportDimension by, Optional<String> queue, Set<String> regions) {
    public ReportQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(by, "by");
        queue = queue == null ? Optional.empty() : queue;
        regions = regions == null ? Set.of() : Set.copyOf(regions);
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        }
    }

    public static ReportQuery of(Instant from, Instant to, ReportDimension by) {
        return new ReportQuery(from, to, by, Optional.empty(), Set.of());
    }

    public ReportQuery inQueue(String queueId) {
        return new ReportQuery(from, to, by, Optional.of(queueId), regions);
    }

    public ReportQuery inRegions(Set<String> regionCodes) {
        return new ReportQuery(from, to, by, queue, regionCodes);
    }
}
