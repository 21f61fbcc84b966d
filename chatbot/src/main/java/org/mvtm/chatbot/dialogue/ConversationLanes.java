package org.mvtm.chatbot.dialogue;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mvtm.core.id.ConversationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One serial queue per conversation: tasks of a conversation run one at a time, in the order they were submitted,
 * on a virtual thread that lives while the queue has work; different conversations run in parallel.
 * {@link #submit} never blocks. An idle conversation holds no thread and no map entry.
 */
final class ConversationLanes {
    private static final Logger log = LoggerFactory.getLogger(ConversationLanes.class);

    private static final class Lane {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    }

    private final Map<ConversationId, Lane> lanes = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Queues a task; false when closed (the task is dropped). */
    boolean submit(ConversationId conversation, Runnable task) {
        if (closed.get()) {
            return false;
        }
        boolean[] start = {false};
        lanes.compute(conversation, (id, lane) -> {
            if (lane == null) {
                lane = new Lane();
                start[0] = true; // a lane in the map always has a drainer running
            }
            lane.tasks.addLast(task);
            return lane;
        });
        if (start[0]) {
            Thread.ofVirtual().name("bot-turns-" + conversation.value()).start(() -> drain(conversation));
        }
        return true;
    }

    private void drain(ConversationId conversation) {
        while (true) {
            Runnable[] next = {null};
            lanes.computeIfPresent(conversation, (id, lane) -> {
                next[0] = lane.tasks.pollFirst();
                return next[0] == null ? null : lane; // empty: the lane goes, the next submit starts a new drainer
            });
            if (next[0] == null) {
                return;
            }
            try {
                next[0].run();
            } catch (RuntimeException e) {
                log.warn("turn of conversation {} failed", conversation, e);
            }
        }
    }

    /** Refuses new tasks; queued ones still run. */
    void close() {
        closed.set(true);
    }
}
