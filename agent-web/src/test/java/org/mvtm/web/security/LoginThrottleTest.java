package org.mvtm.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-23T09:00:00Z");

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private final MovableClock clock = new MovableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock, 5, Duration.ofMinutes(15));

    @Test
    void fifthWrongPasswordLocksForTheLockoutThenCountingStartsAgain() {
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.recordFailure("Ada")).isEmpty();
        }
        assertThat(throttle.recordFailure("ada")).contains(Instant.parse("2026-11-23T09:15:00Z"));
        assertThat(throttle.lockedUntil("ADA ")).isPresent();
        clock.now = clock.now.plus(Duration.ofMinutes(14));
        assertThat(throttle.recordFailure("ada")).as("still locked, not extended").contains(Instant.parse("2026-11-23T09:15:00Z"));
        clock.now = Instant.parse("2026-11-23T09:15:00Z");
        assertThat(throttle.lockedUntil("ada")).isEmpty();
        assertThat(throttle.recordFailure("ada")).as("a new count starts").isEmpty();
    }

    @Test
    void successResetsTheCount() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("sam");
        }
        throttle.recordSuccess("sam");
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.recordFailure("sam")).isEmpty();
        }
    }

    @Test
    void aFloodOfRandomNamesDoesNotGrowMemoryForever() {
        for (int i = 0; i < LoginThrottle.MAX_TRACKED; i++) {
            throttle.recordFailure("random-" + i);
        }
        clock.now = clock.now.plus(Duration.ofMinutes(16));
        throttle.recordFailure("one-more");
        assertThat(throttle.tracked()).isEqualTo(1);
    }
}
