package org.mvtm.recording.api;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.mvtm.core.Region;
import org.mvtm.core.id.QueueId;

/**
 * How long recordings are kept after they end: a queue's period wins over a region's, which wins over the default.
 */
public record RetentionPolicy(Duration defaultPeriod, Map<QueueId, Duration> perQueue, Map<Region, Duration> perRegion) {
    public RetentionPolicy {
        Objects.requireNonNull(defaultPeriod, "defaultPeriod");
        perQueue = Map.copyOf(perQueue);
        perRegion = Map.copyOf(perRegion);
        if (defaultPeriod.isNegative()) {
            throw new IllegalArgumentException("retention must not be negative but was " + defaultPeriod);
        }
    }

    /** Seven years (7 * 366 days) everywhere. */
    public static RetentionPolicy sevenYears() {
        return new RetentionPolicy(Duration.ofDays(7 * 366), Map.of(), Map.of());
    }

    public Duration periodFor(QueueId queue, Region region) {
        Duration d = perQueue.get(queue);
        if (d != null) {
            return d;
        }
        d = perRegion.get(region);
        return d != null ? d : defaultPeriod;
    }

    public RetentionPolicy withQueue(QueueId queue, Duration period) {
        var m = new HashMap<>(perQueue);
        m.put(queue, period);
        return new RetentionPolicy(defaultPeriod, m, perRegion);
    }

    public RetentionPolicy withRegion(Region region, Duration period) {
        var m = new HashMap<>(perRegion);
        m.put(region, period);
        return new RetentionPolicy(defaultPeriod, perQueue, m);
    }
}
