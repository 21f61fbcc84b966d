package org.mvtm.admin.internal;

import org.mvtm.admin.api.InvalidChange;
import org.mvtm.admin.api.NotFound;
import org.mvtm.admin.api.Queue;

/** Creating, changing and deleting queues (checked by {@link QueueRules}; a queue keeps its id). */
record QueueChanges(QueueRepository queues, CatalogRepository catalog, Changes changes) {
    Queue create(String actor, Queue q) {
        return changes.change(actor, "queue", q.id(), () -> {
            Queue checked = QueueRules.check(q.id(), q, catalog.skillsByName());
            if (queues.find(checked.id()).isPresent()) {
                throw InvalidChange.of("id", "queue '" + checked.id() + "' exists already");
            }
            queues.insert(checked);
            changes.audit(actor, "create", "queue", checked.id(), null, checked);
            return checked;
        });
    }

    Queue update(String actor, String id, Queue q) {
        return changes.change(actor, "queue", id, () -> {
            Queue before = queues.find(id).orElseThrow(() -> new NotFound("queue", id));
            if (q.id() != null && !q.id().equals(id)) {
                throw InvalidChange.of(
                        "id", "a queue keeps its id; create a new queue instead of renaming '" + id + "'");
            }
            Queue checked = QueueRules.check(id, q, catalog.skillsByName());
            queues.update(checked);
            changes.audit(actor, "update", "queue", id, before, checked);
            return checked;
        });
    }

    void delete(String actor, String id) {
        changes.change(actor, "queue", id, () -> {
            Queue before = queues.find(id).orElseThrow(() -> new NotFound("queue", id));
            queues.delete(id);
            changes.audit(actor, "delete", "queue", id, before, null);
            return null;
        });
    }
}
