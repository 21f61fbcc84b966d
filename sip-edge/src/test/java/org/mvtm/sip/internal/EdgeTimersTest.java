package org.mvtm.sip.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The edge has one timer thread for every call's deadlines, session timers and retries: a due task that waits (for a
 * call's lock, for the relay) must not hold up the timers due after it.
 */
class EdgeTimersTest {
    final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "test-edge-timers"));
    final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
    final EdgeTimers timers = new EdgeTimers(scheduler, work);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        work.shutdownNow();
    }

    @Test
    void aTimerTaskThatWaitsDoesNotHoldUpTheNextTimerAndNeitherRunsOnTheTimerThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch secondRan = new CountDownLatch(1);
        AtomicReference<String> firstThread = new AtomicReference<>();
        AtomicReference<String> secondThread = new AtomicReference<>();
        timers.after(Duration.ofMillis(1), () -> {
            firstThread.set(Thread.currentThread().getName());
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        timers.after(Duration.ofMillis(20), () -> {
            secondThread.set(Thread.currentThread().getName());
            secondRan.countDown();
        });
        try {
            assertThat(secondRan.await(10, TimeUnit.SECONDS)).as("the second timer ran while the first waited").isTrue();
        } finally {
            release.countDown();
        }
        assertThat(firstThread.get()).isNotEqualTo("test-edge-timers");
        assertThat(secondThread.get()).isNotEqualTo("test-edge-timers");
    }

    @Test
    void aDeadlineAlreadyPastRunsAtOnceAndARepeatingTimerRepeatsUntilCancelled() throws Exception {
        CountDownLatch past = new CountDownLatch(1);
        timers.after(Duration.ofSeconds(-5), past::countDown);
        assertThat(past.await(10, TimeUnit.SECONDS)).isTrue();

        AtomicInteger runs = new AtomicInteger();
        CountDownLatch threeTimes = new CountDownLatch(3);
        var repeating = timers.every(Duration.ofMillis(5), () -> {
            runs.incrementAndGet();
            threeTimes.countDown();
        });
        assertThat(threeTimes.await(10, TimeUnit.SECONDS)).isTrue();
        repeating.cancel(false);
        int atCancel = runs.get();
        // twenty intervals later, on the same timer thread: one run handed over just before the cancel may still land
        CountDownLatch later = new CountDownLatch(1);
        AtomicInteger afterTwentyIntervals = new AtomicInteger();
        timers.after(Duration.ofMillis(100), () -> {
            afterTwentyIntervals.set(runs.get());
            later.countDown();
        });
        assertThat(later.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(afterTwentyIntervals.get()).as("runs after the cancel").isLessThanOrEqualTo(atCancel + 1);
    }
}
