package org.mvtm.admin.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.mvtm.admin.api.InvalidChange;
import org.mvtm.core.event.AdministrationChanged;
import org.mvtm.core.event.EventBus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs each administration change in one transaction, then announces it with {@link AdministrationChanged}; the
 * change's audit entry is written in the same transaction.
 */
final class Changes {
    private final TransactionTemplate tx;
    private final Clock clock;
    private final EventBus bus;
    private final AuditLog audit;

    Changes(TransactionTemplate tx, Clock clock, EventBus bus, AuditLog audit) {
        this.tx = tx;
        this.clock = clock;
        this.bus = bus;
        this.audit = audit;
    }

    /** The audit entry of a change, now (call inside {@link #change}). */
    void audit(String actor, String action, String entity, String id, Object before, Object after) {
        audit(clock.instant(), actor, action, entity, id, before, after);
    }

    /** The audit entry of a change made {@code at} (the time the change wrote on its rows). */
    void audit(Instant at, String actor, String action, String entity, String id, Object before, Object after) {
        audit.record(at, actor, action, entity, id, before, after);
    }

    /** Runs {@code work} in one transaction, then announces the change; a duplicate key is the caller's error. */
    <T> T change(String actor, String entity, String id, Supplier<T> work) {
        T result;
        try {
            result = tx.execute(status -> work.get());
        } catch (DuplicateKeyException e) {
            throw InvalidChange.of(
                    entity.equals("queue") ? "id" : entity.equals("user") ? "username" : "code",
                    entity + " '" + id + "' exists already");
        }
        bus.publish(new AdministrationChanged(clock.instant(), entity, id == null ? "" : id, actor));
        return result;
    }

    /** Runs {@code work} in one transaction without announcing anything. */
    <T> T quietly(Supplier<T> work) {
        return tx.execute(status -> work.get());
    }
}
