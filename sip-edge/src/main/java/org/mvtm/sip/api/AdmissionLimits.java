package org.mvtm.sip.api;

import java.time.Duration;

/**
 * How many new calls the edge takes on, like a carrier's proxy sheds load. A new customer INVITE beyond any of these
 * limits is answered at once, from the SIP stack's thread, with {@code 503 Service Unavailable} and
 * {@code Retry-After}; calls already admitted (and every in-dialog request) go on untouched, and the edge takes new
 * calls again by itself as soon as the load is back under the limits.
 *
 * @param callsPerSecond new calls per second the edge accepts (a token bucket holding one second's worth); the
 *                       offered rate at which shedding starts. The default is the measured capacity of a 2-core node
 *                       with headroom (docs/benchmarks.md, "SIP")
 * @param maxSettingUp   calls admitted but whose set-up (authentication, media answer, 183, enqueue) has not finished:
 *                       the admission queue, bounded in calls
 * @param maxQueueDelay  the longest a handed-over request may wait for a worker: when the edge is later than this, it
 *                       is overloaded whatever the rate says (a slower machine, a garbage collection), and new calls are
 *                       refused until hand-overs are on time again
 * @param retryAfter     the {@code Retry-After} of the 503
 */
public record AdmissionLimits(double callsPerSecond, int maxSettingUp, Duration maxQueueDelay, Duration retryAfter) {
    public AdmissionLimits {
        ConfigChecks.requirePositive("admission callsPerSecond", callsPerSecond);
        ConfigChecks.requireAtLeastOne("admission maxSettingUp", maxSettingUp);
        ConfigChecks.requirePositive("admission maxQueueDelay", maxQueueDelay);
        if (retryAfter == null || retryAfter.toSeconds() < 1) {
            throw new IllegalArgumentException("admission retryAfter must be at least 1 s but was " + retryAfter);
        }
    }

    /** The measured default: 400 new calls/s, 400 set-ups in flight, 250 ms hand-over delay, retry after 2 s. */
    public static AdmissionLimits defaults() {
        return new AdmissionLimits(400, 400, Duration.ofMillis(250), Duration.ofSeconds(2));
    }

    /** The same limits with another rate (the setting operators tune). */
    public AdmissionLimits withCallsPerSecond(double rate) {
        return new AdmissionLimits(rate, maxSettingUp, maxQueueDelay, retryAfter);
    }

    /** The same limits with another hand-over delay (the other setting operators tune). */
    public AdmissionLimits withMaxQueueDelay(Duration delay) {
        return new AdmissionLimits(callsPerSecond, maxSettingUp, delay, retryAfter);
    }
}
