package org.mvtm.sip.api;

import java.time.Duration;

/** The checks the edge's settings share: a bad value is refused with an error that names the setting. */
final class ConfigChecks {
    private ConfigChecks() {
    }

    static void requirePositive(String name, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " must be > 0 but was " + value);
        }
    }

    static void requireAtLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1 but was " + value);
        }
    }

    static void requirePositive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration but was " + d);
        }
    }
}
