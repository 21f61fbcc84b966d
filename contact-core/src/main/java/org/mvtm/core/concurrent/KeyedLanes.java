package org.mvtm.core.concurrent;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One serial lane per key: the tasks of a key run one at a time, in the order they were submitted, on a virtual
 * thread that lives while the lane has work; different keys run in parallel. {@link #submit} never blocks, so an event
 * subscriber or a socket thread can hand work on and return. An idle key holds no thread and no map entry. A task
 * that throws is logged with what it was and its key, and the lane goes on with the next. The bot's turns of one
 * conversation, the journey steps of one interaction and the commands of one advisor console each keep their order
 * this way.
 */
public final class KeyedLanes<K> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KeyedLanes.class);

    private final String name;
    private final Map<K, ArrayDeque<Task>> lanes = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private record Task(String what, Runnable work) {}

    /** {@code name}: what the lanes are for, in their threads' names and in the log. */
    public KeyedLanes(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** Queues {@code task} behind the key's earlier ones; false when closed (the task is dropped). */
    public boolean submit(K key, String what, Runnable task) {
        Objects.requireNonNull(key, "key");
        if (closed.get()) {
            return false;
        }
        boolean[] start = {false};
        lanes.compute(key, (k, lane) -> {
            if (lane == null) {
                lane = new ArrayDeque<>();
                start[0] = true; // a lane in the map always has a drainer running
            }
            lane.addLast(new Task(what, task));
            return lane;
        });
        if (start[0]) {
            Thread.ofVirtual().name(name + "-" + key).start(() -> drain(key));
        }
        return true;
    }

    private void drain(K key) {
        while (true) {
            Task[] next = {null};
            lanes.computeIfPresent(key, (k, lane) -> {
                next[0] = lane.pollFirst();
                return next[0] == null ? null : lane; // empty: the lane goes, the next submit starts a new drainer
            });
            if (next[0] == null) {
                return;
            }
            try {
                next[0].work().run();
            } catch (RuntimeException e) {
                log.warn("{}: {} of {} failed", name, next[0].what(), key, e);
            }
        }
    }

    /** Refuses new tasks; those already queued still run. */
    @Override
    public void close() {
        closed.set(true);
    }
}
