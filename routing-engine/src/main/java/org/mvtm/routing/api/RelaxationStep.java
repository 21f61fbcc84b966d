package org.mvtm.routing.api;

import java.time.Duration;
import java.util.Objects;

/**
 * After a customer waited {@code after}, lower every minimum skill level by {@code levelDrop} (never below 1), or, when
 * {@code languageOnly}, drop every requirement except speaking the customer's language (any level).
 * Example: {@code new RelaxationStep(30s, 2, false)}, {@code new RelaxationStep(90s, 0, true)}.
 */
public record RelaxationStep(Duration after, int levelDrop, boolean languageOnly) {
    public RelaxationStep {
        Objects.requireNonNull(after, "relaxation 'after'");
        if (after.isNegative()) {
            throw new IllegalArgumentException("relaxation 'after' must not be negative but was " + after);
        }
        if (levelDrop < 0 || levelDrop > 9) {
            throw new IllegalArgumentException("relaxation levelDrop must be 0..9 but was " + levelDrop);
        }
    }

    public static RelaxationStep lowerLevels(Duration after, int levelDrop) {
        return new RelaxationStep(after, levelDrop, false);
    }

    public static RelaxationStep languageOnly(Duration after) {
        return new RelaxationStep(after, 0, true);
    }

    /** Short human text used in explanations, e.g. "after PT30S: levels -2". */
    public String describe() {
        return "after " + after + ": " + (languageOnly ? "language only" : "levels -" + levelDrop);
    }
}
