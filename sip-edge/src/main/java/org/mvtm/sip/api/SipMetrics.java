package org.mvtm.sip.api;

import java.util.Map;

/**
 * A snapshot of the edge's counters for the metrics endpoint (Micrometer lives in the server).
 *
 * @param callsOffered       customer INVITEs accepted into a queue
 * @param callsAnswered      customer calls connected to an advisor (200 OK sent)
 * @param callsAbandoned     customer calls cancelled or hung up while queued
 * @param callsFailedByCause customer calls that ended without an advisor for another reason (e.g. "media", "timeout")
 * @param registrations      successful REGISTER requests (including refreshes and removals)
 * @param rejectedByReason   requests answered with an error, by reason (e.g. "flood", "auth-wrong", "400"); the
 *                           {@link SipRejectionReasons#COUNTED_FROM_START} reasons are there from the start
 * @param phoneOffersByOutcome offers to desk phones by outcome: ANSWERED, REJECTED, NO_ANSWER, UNREACHABLE
 * @param activeCalls        customer calls currently in progress
 */
public record SipMetrics(long callsOffered, long callsAnswered, long callsAbandoned,
                         Map<String, Long> callsFailedByCause, long registrations,
                         Map<String, Long> rejectedByReason, Map<String, Long> phoneOffersByOutcome,
                         long activeCalls) {
    public SipMetrics {
        callsFailedByCause = Map.copyOf(callsFailedByCause);
        rejectedByReason = Map.copyOf(rejectedByReason);
        phoneOffersByOutcome = Map.copyOf(phoneOffersByOutcome);
    }

    public long rejected(String reason) {
        return rejectedByReason.getOrDefault(reason, 0L);
    }
}
