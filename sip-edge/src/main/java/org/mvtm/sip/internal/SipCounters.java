package org.mvtm.sip.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.mvtm.sip.api.SipMetrics;
import org.mvtm.sip.api.SipRejectionReasons;

/**
 * The edge's counters; {@link #snapshot()} copies them into the api record. Thread-safe. The refusals an operator
 * alerts on ({@link SipRejectionReasons#COUNTED_FROM_START}) are there from the start at zero.
 */
final class SipCounters {
    final LongAdder callsOffered = new LongAdder();
    final LongAdder callsAnswered = new LongAdder();
    final LongAdder callsAbandoned = new LongAdder();
    final LongAdder registrations = new LongAdder();
    final LongAdder activeCalls = new LongAdder();
    private final Map<String, LongAdder> failed = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> phoneOffers = new ConcurrentHashMap<>();

    SipCounters() {
        SipRejectionReasons.COUNTED_FROM_START.forEach(reason -> rejected.put(reason, new LongAdder()));
    }

    void callFailed(String cause) {
        failed.computeIfAbsent(cause, c -> new LongAdder()).increment();
    }

    void rejected(String reason) {
        rejected.computeIfAbsent(reason, c -> new LongAdder()).increment();
    }

    void phoneOffer(String outcome) {
        phoneOffers.computeIfAbsent(outcome, c -> new LongAdder()).increment();
    }

    SipMetrics snapshot() {
        return new SipMetrics(callsOffered.sum(), callsAnswered.sum(), callsAbandoned.sum(), copy(failed),
                registrations.sum(), copy(rejected), copy(phoneOffers), activeCalls.sum());
    }

    private static Map<String, Long> copy(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
