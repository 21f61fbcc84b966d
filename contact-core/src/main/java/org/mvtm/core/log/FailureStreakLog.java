package org.mvtm.core.log;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;

/**
 * The log of a job that runs again and again (a timer tick, a lease renewal) while it keeps failing, e.g. with Redis
 * down: the first failure as a warning with its stack trace, then one warning a {@code summaryEvery} that says how
 * many failures since when and the latest cause, and one line when the job works again; not a stack trace a tick.
 * Thread-safe.
 */
public final class FailureStreakLog {
    private final Logger log;
    private final String job;
    private final Clock clock;
    private final Duration summaryEvery;
    private long failures;
    private Instant since;
    private Instant lastSaid;

    /** {@code job} names what failed in a sentence, e.g. {@code "routing round"}. */
    public FailureStreakLog(Logger log, String job, Clock clock, Duration summaryEvery) {
        this.log = Objects.requireNonNull(log, "log");
        this.job = Objects.requireNonNull(job, "job");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (summaryEvery.isNegative() || summaryEvery.isZero()) {
            throw new IllegalArgumentException("summaryEvery must be positive but was " + summaryEvery);
        }
        this.summaryEvery = summaryEvery;
    }

    /**
     * Runs one run of the job on the caller's thread: a {@link RuntimeException} it throws is logged as
     * {@link #failed} says (not thrown on), and a run that returns ends a streak ({@link #succeeded}).
     */
    public void run(Runnable job) {
        try {
            job.run();
        } catch (RuntimeException e) {
            failed(e);
            return;
        }
        succeeded();
    }

    /** One run failed: the first of a streak is logged with its stack trace, later ones at most once a period. */
    public synchronized void failed(Throwable cause) {
        Instant now = clock.instant();
        failures++;
        if (failures == 1) {
            since = now;
            lastSaid = now;
            log.warn("{} failed; it is retried: {}", job, cause.toString(), cause);
        } else if (!now.isBefore(lastSaid.plus(summaryEvery))) {
            lastSaid = now;
            log.warn(
                    "{} still failing since {} (failed runs: {}), the latest: {}",
                    job,
                    since,
                    failures,
                    cause.toString());
        }
    }

    /** One run worked: ends a streak of failures with one line that says how long it lasted. */
    public synchronized void succeeded() {
        if (failures > 0) {
            log.info(
                    "{} works again after failing for {} s (failed runs: {})",
                    job,
                    Duration.between(since, clock.instant()).toSeconds(),
                    failures);
            failures = 0;
        }
    }

    /** Failures since the last run that worked. */
    public synchronized long failures() {
        return failures;
    }
}
