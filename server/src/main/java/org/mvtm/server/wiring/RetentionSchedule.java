package org.mvtm.server.wiring;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mvtm.recording.api.RecordingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Purges recordings whose retention has ended (legal holds excepted), a few minutes after start-up and then every
 * six hours; every deletion is written to the audit log by the store.
 */
final class RetentionSchedule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("retention").daemon().factory());

    RetentionSchedule(RecordingStore store, Clock clock, Duration firstRun, Duration every) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                var report = store.applyRetention(clock.instant());
                log.info("retention run: {}", report);
            } catch (RuntimeException e) {
                log.error("retention run failed", e);
            }
        }, firstRun.toSeconds(), every.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
