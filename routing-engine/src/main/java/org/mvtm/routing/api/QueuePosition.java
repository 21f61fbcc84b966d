package org.mvtm.routing.api;

import java.time.Duration;
import java.util.Optional;
import org.mvtm.core.id.QueueId;

/**
 * A waiting customer's place: 1-based {@code position} among the customers of its queue ordered by current priority,
 * how long it waited and an estimate of the remaining wait (position x average handle time / signed-in advisors who
 * can serve this customer). The estimate is empty when no signed-in advisor can serve the customer now.
 */
public record QueuePosition(QueueId queue, int position, int waiting, Duration waited, Optional<Duration> estimatedWait) {
}
