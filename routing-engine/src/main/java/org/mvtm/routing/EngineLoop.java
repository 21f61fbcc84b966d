package org.mvtm.routing;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mvtm.routing.api.RoutingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs matching rounds and timer ticks. BACKGROUND: one daemon thread; requests for a round coalesce, ticks run every
 * tick interval. MANUAL: a round runs on the caller's thread (re-entrant requests, e.g. an event subscriber accepting
 * an offer, run one more round after the current one); ticks run only when {@link #tickNow()} is called.
 */
final class EngineLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EngineLoop.class);

    private final Runnable round;
    private final Runnable tick;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Object manualLock = new Object();
    private boolean manualRunning;
    private boolean manualAgain;

    EngineLoop(RoutingConfig config, String node, Runnable round, Runnable tick) {
        this.round = round;
        this.tick = tick;
        if (config.scheduling() == RoutingConfig.Scheduling.BACKGROUND) {
            thread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "routing-" + node);
                t.setDaemon(true);
                return t;
            });
            long ms = config.tickInterval().toMillis();
            thread.scheduleWithFixedDelay(() -> safely(tick), ms, ms, TimeUnit.MILLISECONDS);
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
                    safely(round);
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
                thread.execute(() -> safely(tick));
            } catch (RejectedExecutionException closed) {
                // engine closed
            }
        }
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.warn("routing round failed; the next tick retries", e);
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
