package org.mvtm.core.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link EventBus}: synchronous fan-out inside one JVM. A failing subscriber is logged and does not
 * stop the others. Across server nodes, facts travel through the shared routing store, not through this bus.
 */
public final class InProcessEventBus implements EventBus {
    private static final Logger log = LoggerFactory.getLogger(InProcessEventBus.class);

    private record Entry(Class<? extends ContactEvent> type, Consumer<ContactEvent> subscriber) {}

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    /** Locks for {@link #publishInOrder}, by key hash: a lock per key without a map entry per conversation. */
    private final Object[] orderLocks = new Object[256];

    private final ThreadLocal<Boolean> relaying = ThreadLocal.withInitial(() -> false);

    public InProcessEventBus() {
        for (int i = 0; i < orderLocks.length; i++) {
            orderLocks[i] = new Object();
        }
    }

    @Override
    public <E extends ContactEvent> E publishInOrder(Object key, Supplier<E> event) {
        synchronized (orderLocks[Math.floorMod(key.hashCode(), orderLocks.length)]) {
            E e = event.get();
            publish(e);
            return e;
        }
    }

    @Override
    public void publishRelayed(ContactEvent event) {
        boolean outer = relaying.get();
        relaying.set(true);
        try {
            publish(event);
        } finally {
            relaying.set(outer);
        }
    }

    @Override
    public boolean relayed() {
        return relaying.get();
    }

    @Override
    public void publish(ContactEvent event) {
        for (Entry e : entries) {
            if (e.type.isInstance(event)) {
                try {
                    e.subscriber.accept(event);
                } catch (RuntimeException ex) {
                    log.warn("event subscriber for {} failed on {}", e.type.getSimpleName(), event, ex);
                }
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <E extends ContactEvent> Subscription subscribe(Class<E> type, Consumer<? super E> subscriber) {
        Entry entry = new Entry(type, ev -> subscriber.accept((E) ev));
        entries.add(entry);
        return () -> entries.remove(entry);
    }
}
