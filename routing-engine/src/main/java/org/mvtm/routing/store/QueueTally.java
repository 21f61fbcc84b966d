package org.mvtm.routing.store;

/**
 * A queue's running totals in the {@link InMemoryRoutingStore}; the names are the fields of the Redis store's queue
 * hash ({@code RedisScripts}).
 */
final class QueueTally {
    long offered;
    long answered;
    long abandoned;
    long within;
    long waitSum;
    long completed;
    long handleSum;

    QueueCounters snapshot() {
        return new QueueCounters(offered, answered, abandoned, within, waitSum, completed, handleSum);
    }
}
