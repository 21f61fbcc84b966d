package org.mvtm.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mvtm.core.time.MutableClock;
import org.mvtm.testing.LogCapture;
import org.slf4j.LoggerFactory;

/** An operator reading the log while Redis is down for minutes sees the outage, not a stack trace a tick. */
class FailureStreakLogTest {
    private final LogCapture lines = LogCapture.of("test.failure-streak");
    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T09:00:00Z"));
    private final FailureStreakLog streak = new FailureStreakLog(
            LoggerFactory.getLogger("test.failure-streak"), "routing round", clock, Duration.ofMinutes(1));

    @AfterEach
    void stopListening() {
        lines.close();
    }

    @Test
    void aStreakOfFailuresIsOneStackTraceThenOneLineAMinuteThenOneLineWhenItWorksAgain() {
        for (int tick = 0; tick < 1500; tick++) { // ten ticks a second for two and a half minutes
            streak.failed(new IllegalStateException("Failed to connect to 127.0.0.1:6379"));
            clock.advance(Duration.ofMillis(100));
        }
        streak.succeeded();
        streak.succeeded();

        String cause = "java.lang.IllegalStateException: Failed to connect to 127.0.0.1:6379";
        assertThat(lines.lines())
                .extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage)
                .containsExactly(
                        tuple(Level.WARN, "routing round failed; it is retried: " + cause),
                        tuple(
                                Level.WARN,
                                "routing round still failing since 2030-01-01T09:00:00Z (failed runs: 601), "
                                        + "the latest: " + cause),
                        tuple(
                                Level.WARN,
                                "routing round still failing since 2030-01-01T09:00:00Z (failed runs: 1201), "
                                        + "the latest: " + cause),
                        tuple(Level.INFO, "routing round works again after failing for 150 s (failed runs: 1500)"));
        assertThat(lines.lines().get(0).getThrowableProxy())
                .as("the first carries its stack trace")
                .isNotNull();
        assertThat(lines.lines().subList(1, 4))
                .allSatisfy(line -> assertThat(line.getThrowableProxy()).isNull());
        assertThat(streak.failures()).isZero();
    }

    @Test
    void aNewStreakAfterRecoveryStartsWithItsOwnStackTrace() {
        streak.failed(new IllegalStateException("first outage"));
        streak.succeeded();
        clock.advance(Duration.ofSeconds(5));
        streak.failed(new IllegalStateException("second outage"));

        List<String> said =
                lines.lines().stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(said)
                .containsExactly(
                        "routing round failed; it is retried: java.lang.IllegalStateException: first outage",
                        "routing round works again after failing for 0 s (failed runs: 1)",
                        "routing round failed; it is retried: java.lang.IllegalStateException: second outage");
        assertThat(lines.lines().get(2).getThrowableProxy()).isNotNull();
    }

    @Test
    void aJobRunThroughTheLogHasItsFailureLoggedNotThrownAndItsNextRunEndsTheStreak() {
        streak.run(() -> {
            throw new IllegalStateException("Redis does not answer");
        });
        streak.run(() -> {});

        assertThat(lines.lines())
                .extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly(
                        "routing round failed; it is retried: java.lang.IllegalStateException: Redis does not answer",
                        "routing round works again after failing for 0 s (failed runs: 1)");
    }

    @Test
    void runsThatWorkSayNothing() {
        streak.succeeded();
        assertThat(lines.lines()).isEmpty();
    }
}
