package org.mvtm.routing;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mvtm.core.id.QueueId;
import org.mvtm.routing.api.QueueConfig;

/**
 * The queues this engine routes into: those an administrator defined, and which of them were withdrawn (deleted). A
 * withdrawn queue still serves the customers waiting in it and takes no new ones. Thread-safe.
 */
final class QueueCatalog {
    private final Map<QueueId, QueueConfig> defined = new ConcurrentHashMap<>();
    private final Map<QueueId, QueueConfig> view = Collections.unmodifiableMap(defined);
    private final Set<QueueId> withdrawn = ConcurrentHashMap.newKeySet();

    /** Every defined queue, withdrawn ones too (matching and queries serve who waits in them): a live view. */
    Map<QueueId, QueueConfig> defined() {
        return view;
    }

    /** Defines or redefines {@code queue}; a withdrawn queue defined again takes new customers again. */
    void define(QueueConfig queue) {
        defined.put(queue.id(), queue);
        withdrawn.remove(queue.id());
    }

    void withdraw(QueueId queue) {
        if (defined.containsKey(queue)) {
            withdrawn.add(queue);
        }
    }

    /** The queues that take new customers. */
    List<QueueConfig> open() {
        return defined.values().stream().filter(q -> !withdrawn.contains(q.id())).toList();
    }

    /** Refuses a queue a customer may not be put in now: one not defined, or withdrawn. */
    void checkTakesNew(QueueId queue) {
        if (!defined.containsKey(queue)) {
            throw InputValidator.unknownQueue(queue, defined.keySet());
        }
        if (withdrawn.contains(queue)) {
            throw new IllegalArgumentException(
                    "queue '" + queue + "' was removed by an administrator and takes no new customers");
        }
    }

    /** The queue of a customer routing holds, withdrawn or not. */
    QueueConfig of(QueueId queue) {
        QueueConfig q = defined.get(queue);
        if (q == null) {
            throw InputValidator.unknownQueue(queue, defined.keySet());
        }
        return q;
    }
}
