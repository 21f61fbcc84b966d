package org.mvtm.reporting.api;

import java.time.Instant;

/**
 * The figures of one interval for one queue, channel or advisor ({@code key}). An interaction counts in the interval
 * it was first offered in, once, however often it was transferred or re-queued; its outcome (answer, abandon, handle
 * times) is added to that interval when it happens.
 *
 * @param offered           interactions that entered a queue
 * @param answered          answered by an advisor (the first answer only)
 * @param answeredWithinSla answered within the queue's service-level threshold
 * @param serviceLevel      answeredWithinSla / (answered + abandoned); null when neither happened yet
 * @param asaSeconds        average speed of answer (queue wait of the answered); null when none was answered
 * @param abandoned         customers who left before an advisor answered
 * @param averageAbandonSeconds how long the abandoned waited, on average; null when none abandoned
 * @param handled           conversations with an advisor that ended
 * @param ahtSeconds        average handle time: talk + hold + wrap-up per handled; null when none handled
 * @param talkSeconds       average talk per handled (time connected, less hold)
 * @param holdSeconds       average hold per handled
 * @param wrapSeconds       average wrap-up per handled
 * @param occupancy         advisors only: time handling / time staffed; null for queues and channels or no time
 * @param transfers         transfers out by an advisor
 * @param callbacks         customers who chose a call back instead of waiting
 */
public record IntervalRow(
        Instant start,
        String key,
        long offered,
        long answered,
        long answeredWithinSla,
        Double serviceLevel,
        Double asaSeconds,
        long abandoned,
        Double averageAbandonSeconds,
        long handled,
        Double ahtSeconds,
        Double talkSeconds,
        Double holdSeconds,
        Double wrapSeconds,
        Double occupancy,
        long transfers,
        long callbacks) {}
