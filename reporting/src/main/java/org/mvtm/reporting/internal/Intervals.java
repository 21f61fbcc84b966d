package org.mvtm.reporting.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;

/** Interval boundaries: fixed lengths from the epoch (UTC), so every node and every day cut at the same instants. */
final class Intervals {
    private final long lengthMs;

    Intervals(Duration length) {
        this.lengthMs = length.toMillis();
    }

    Duration length() {
        return Duration.ofMillis(lengthMs);
    }

    long startOf(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), lengthMs) * lengthMs;
    }

    /** Splits {@code [from, to)} at interval boundaries: {@code part} gets each interval start and milliseconds in it. */
    void split(Instant from, Instant to, BiConsumer<Long, Long> part) {
        long a = from.toEpochMilli();
        long b = to.toEpochMilli();
        while (a < b) {
            long start = Math.floorDiv(a, lengthMs) * lengthMs;
            long end = Math.min(b, start + lengthMs);
            part.accept(start, end - a);
            a = end;
        }
    }
}
