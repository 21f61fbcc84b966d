package org.mvtm.routing.api;

import java.time.Duration;
import org.mvtm.core.id.QueueId;

/**
 * A waiting customer's place: 1-based {@code position} among the customers of its queue ordered by current priority,
 * how long it waited and an estimate of the remaining wait (position x average handle time / advisors serving it).
 */
public record QueuePosition(QueueId queue, int position, int waiting, Duration waited, Duration estimatedWait) {
}
