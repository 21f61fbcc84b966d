package org.mvtm.sip.internal;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The edge's timers and workers. The one scheduler thread only hands a due task to the work executor (a virtual
 * thread per task), so a timer task that takes a call's lock or sends a request never holds up the other timers.
 */
record EdgeTimers(ScheduledExecutorService scheduler, Executor work) {
    /** Runs {@code task} on a worker once {@code delay} has passed (at once for a delay of zero or less). */
    ScheduledFuture<?> after(Duration delay, Runnable task) {
        return scheduler.schedule(() -> work.execute(task), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} on a worker every {@code interval}, the first time one interval from now. */
    ScheduledFuture<?> every(Duration interval, Runnable task) {
        long millis = interval.toMillis();
        return scheduler.scheduleAtFixedRate(() -> work.execute(task), millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} on a worker now. */
    void now(Runnable task) {
        work.execute(task);
    }
}
