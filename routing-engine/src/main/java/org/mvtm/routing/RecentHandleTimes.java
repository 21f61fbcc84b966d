package org.mvtm.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.mvtm.core.id.QueueId;
import org.mvtm.routing.store.QueueCounters;

/**
 * A queue's recent average handle time, for the wait estimate: how much the store's running totals (completed,
 * handle milliseconds, shared by every node with Redis) grew over the last {@link #WINDOW}, from snapshots this node
 * takes as it estimates (at most one a minute per queue). Until {@link #ENOUGH} interactions completed in the window
 * the all-time average stands in, and before any completed, {@link RoutingQueries#DEFAULT_AHT}. Thread-safe.
 */
final class RecentHandleTimes {
    static final Duration WINDOW = Duration.ofMinutes(30);
    static final int ENOUGH = 3;

    private record Snapshot(Instant at, long completed, long handleMillis) {
    }

    private final Map<QueueId, Deque<Snapshot>> snapshots = new HashMap<>();

    synchronized Duration average(QueueId queue, QueueCounters now, Instant at) {
        Deque<Snapshot> d = snapshots.computeIfAbsent(queue, q -> new ArrayDeque<>());
        if (d.isEmpty() || !at.isBefore(d.peekLast().at().plus(Duration.ofMinutes(1))) || at.isBefore(d.peekLast().at())) {
            d.addLast(new Snapshot(at, now.completed(), now.handleMillisSum()));
        }
        Instant windowStart = at.minus(WINDOW);
        while (d.size() > 1 && d.peekFirst().at().isBefore(windowStart)) {
            d.removeFirst();
        }
        Snapshot base = d.peekFirst();
        long completed = now.completed() - base.completed();
        long millis = now.handleMillisSum() - base.handleMillis();
        if (completed >= ENOUGH && millis >= 0) {
            return Duration.ofMillis(millis / completed);
        }
        return now.completed() == 0 ? RoutingQueries.DEFAULT_AHT : Duration.ofMillis(now.handleMillisSum() / now.completed());
    }
}
