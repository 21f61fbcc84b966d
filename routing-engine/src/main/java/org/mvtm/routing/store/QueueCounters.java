package org.mvtm.routing.store;

/** Running totals for a queue kept by the store. */
public record QueueCounters(long offered, long answered, long abandoned, long answeredWithinSla, long waitMillisSum,
                            long completed, long handleMillisSum) {
    public static final QueueCounters ZERO = new QueueCounters(0, 0, 0, 0, 0, 0, 0);
}
