package org.mvtm.routing.api;

import java.time.Duration;
import org.mvtm.core.id.QueueId;

/**
 * Live numbers for one queue.
 *
 * @param offered         customers that entered the queue (including transfers in)
 * @param serviceLevel    answered within the SLA threshold / (answered + abandoned); 1.0 before any outcome
 * @param averageSpeedOfAnswer mean wait of answered customers
 * @param abandonRate     abandoned / (answered + abandoned)
 */
public record QueueStats(QueueId queue, int waiting, Duration longestWait, double serviceLevel,
                         Duration averageSpeedOfAnswer, double abandonRate, long offered, long answered,
                         long abandoned, long answeredWithinSla) {
}
