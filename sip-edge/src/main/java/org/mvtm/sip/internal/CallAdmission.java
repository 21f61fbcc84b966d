package org.mvtm.sip.internal;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.mvtm.sip.api.AdmissionLimits;
import org.mvtm.sip.api.RecordingBacklog;
import org.mvtm.sip.api.SipRejectionReasons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounded admission of new calls, decided on the SIP stack's thread in constant time (no lock held across I/O, no
 * allocation beyond the hand-over). A new INVITE is refused when the offered rate is over
 * {@link AdmissionLimits#callsPerSecond()}, when {@link AdmissionLimits#maxSettingUp()} admitted calls are still being
 * set up, or when the edge itself is late: a hand-over to the workers waited longer than
 * {@link AdmissionLimits#maxQueueDelay()} within the last second, or when the recording of the calls already connected
 * is behind ({@link RecordingBacklog}, which looks at its oldest waiting accept only). Lateness is measured on every
 * hand-over (requests, responses, timers) and forgotten after a second without a late one, so the edge recovers by
 * itself; the backlog is the server's to clear.
 */
final class CallAdmission {
    private static final Logger log = LoggerFactory.getLogger(CallAdmission.class);

    /** Why a new call was refused; the name is the counter in {@code rejectedByReason}. */
    enum Refusal {
        RATE(SipRejectionReasons.OVERLOAD_RATE), SETTING_UP(SipRejectionReasons.OVERLOAD_SETTING_UP),
        LATE(SipRejectionReasons.OVERLOAD_LATE), RECORDING_BEHIND(SipRejectionReasons.OVERLOAD_RECORDING);

        final String counter;

        Refusal(String counter) {
            this.counter = counter;
        }
    }

    private static final long LATE_MEMORY_NANOS = 1_000_000_000L;

    private final AdmissionLimits limits;
    private final LongSupplier nanoTime;
    private final TokenBucket rate;
    private final Executor work;
    private final RecordingBacklog recordings;
    private final AtomicInteger settingUp = new AtomicInteger();
    private final long maxDelayNanos;
    /** The monotonic time of the last hand-over that waited longer than the limit (0: none yet). */
    private final AtomicLong lateAt = new AtomicLong();

    CallAdmission(AdmissionLimits limits, Clock clock, Executor work, RecordingBacklog recordings) {
        this(limits, clock, work, recordings, System::nanoTime);
    }

    /** @param nanoTime the monotonic time the hand-over delays are measured with ({@code System::nanoTime}) */
    CallAdmission(AdmissionLimits limits, Clock clock, Executor work, RecordingBacklog recordings,
                  LongSupplier nanoTime) {
        this.limits = limits;
        this.nanoTime = nanoTime;
        this.rate = new TokenBucket(limits.callsPerSecond(), Math.max(1, limits.callsPerSecond()), clock);
        this.work = work;
        this.recordings = recordings;
        this.maxDelayNanos = limits.maxQueueDelay().toNanos();
    }

    /** Admits a new call (then {@link #setUpDone()} must follow) or says why not. */
    Refusal admit() {
        if (late()) {
            return Refusal.LATE;
        }
        if (recordings.behind()) {
            return Refusal.RECORDING_BEHIND;
        }
        if (settingUp.incrementAndGet() > limits.maxSettingUp()) {
            settingUp.decrementAndGet();
            return Refusal.SETTING_UP;
        }
        if (!rate.take()) {
            settingUp.decrementAndGet();
            return Refusal.RATE;
        }
        return null;
    }

    /** The set-up of an admitted call is over (queued, refused, failed). */
    void setUpDone() {
        settingUp.decrementAndGet();
    }

    /** Whether a hand-over waited longer than the limit within the last second. */
    boolean late() {
        long at = lateAt.get();
        return at != 0 && nanoTime.getAsLong() - at < LATE_MEMORY_NANOS;
    }

    /** Runs {@code task} on a worker, measuring how long it waited for one. */
    void handOver(Runnable task) {
        long queuedAt = nanoTime.getAsLong();
        work.execute(() -> {
            long now = nanoTime.getAsLong();
            if (now - queuedAt > maxDelayNanos) {
                long before = lateAt.getAndSet(now);
                if (before == 0 || now - before >= LATE_MEMORY_NANOS) { // once an episode, not for every late hand-over
                    log.info("the edge's workers are late: a hand-over waited {} ms (limit {} ms); new calls get 503 "
                            + "until they are on time for a second", (now - queuedAt) / 1_000_000,
                            maxDelayNanos / 1_000_000);
                }
            }
            task.run();
        });
    }

    long retryAfterSeconds() {
        return Math.max(1, limits.retryAfter().toSeconds());
    }
}
