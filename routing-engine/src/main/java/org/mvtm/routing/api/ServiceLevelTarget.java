package org.mvtm.routing.api;

import java.time.Duration;
import java.util.Objects;

/** "{@code fraction} of customers answered within {@code threshold}", e.g. 80% in 20 s. */
public record ServiceLevelTarget(double fraction, Duration threshold) {
    public ServiceLevelTarget {
        Objects.requireNonNull(threshold, "service level threshold");
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("service level fraction must be in (0, 1] but was " + fraction);
        }
        if (threshold.isNegative() || threshold.isZero()) {
            throw new IllegalArgumentException("service level threshold must be positive but was " + threshold);
        }
    }

    public static ServiceLevelTarget of(double fraction, Duration threshold) {
        return new ServiceLevelTarget(fraction, threshold);
    }
}
