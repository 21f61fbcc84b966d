package org.mvtm.routing;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mvtm.core.log.FailureStreakLog;
import org.mvtm.routing.api.RoutingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs matching rounds and timer ticks. BACKGROUND: one daemon thread; requests for a round coalesce, ticks run every
 * tick interval. MANUAL: a round runs on the caller's thread (re-entrant requests, e.g. an event subscriber accepting
 * an offer, run one more round after the current one); ticks run only when {@link #tickNow()} is called.
 *
 * <p>In the background a failed round or tick (Redis down, say) is retried by the next; the log gets the first
 * failure of a streak with its stack trace, a line a minute while it lasts and a line when it ends.
 */
final class EngineLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EngineLoop.class);

    /** How often a streak of failures (e.g. Redis down) is summed up in the log after its first stack trace. */
    private static final Duration SAY_STILL_FAILING_EVERY = Duration.ofMinutes(1);

    private final Runnable round;
    private final Runnable tick;
    private final FailureStreakLog roundFailures;
    private final FailureStreakLog tickFailures;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Object manualLock = new Object();
    private boolean manualRunning;
    private boolean manualAgain;

    EngineLoop(RoutingConfig config, String node, Clock clock, Runnable round, Runnable tick) {
        this.round = round;
        this.tick = tick;
        this.roundFailures = new FailureStreakLog(log, "routing matching round", clock, SAY_STILL_FAILING_EVERY);
        this.tickFailures = new FailureStreakLog(log, "routing timer tick (offer timeouts, wrap-up ends, leases)", clock,
                SAY_STILL_FAILING_EVERY);
        if (config.scheduling() == RoutingConfig.Scheduling.BACKGROUND) {
            thread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "routing-" + node);
                t.setDaemon(true);
                return t;
            });
            long ms = config.tickInterval().toMillis();
            thread.scheduleWithFixedDelay(() -> tickFailures.run(tick), ms, ms, TimeUnit.MILLISECONDS);
        } else {
            thread = null;
        }
    }

    void requestRound() {
        if (thread == null) {
            synchronized (manualLock) {
                if (manualRunning) {
                    manualAgain = true;
                    return;
                }
                manualRunning = true;
                try {
                    do {
                        manualAgain = false;
                        round.run();
                    } while (manualAgain);
                } finally {
                    manualRunning = false;
                }
            }
        } else if (pending.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    pending.set(false);
                    roundFailures.run(round);
                });
            } catch (RejectedExecutionException closed) {
                pending.set(false);
            }
        }
    }

    /** MANUAL: runs the tick now on the caller; BACKGROUND: queues one extra tick. */
    void tickNow() {
        if (thread == null) {
            synchronized (manualLock) {
                tick.run();
            }
        } else {
            try {
                thread.execute(() -> tickFailures.run(tick));
            } catch (RejectedExecutionException closed) {
                // engine closed
            }
        }
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.shutdownNow();
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
