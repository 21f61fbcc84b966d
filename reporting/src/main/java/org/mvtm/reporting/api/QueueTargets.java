package org.mvtm.reporting.api;

import java.time.Duration;

/** The service-level threshold of a queue ("answered within 20 s"), as configured where the answer happens. */
@FunctionalInterface
public interface QueueTargets {
    Duration answerWithin(String queueId);
}
