package org.mvtm.core.event;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Publish/subscribe between modules. Subscribers run on the publisher's thread in subscription order and must
 * not block: hand slow work to a queue or a virtual thread.
 */
public interface EventBus {
    void publish(ContactEvent event);

    /**
     * Creates an event and publishes it while no other event of the same {@code key} is being created or delivered
     * on this bus, so every subscriber sees the events of one key in the order they were created. Chat lines are
     * published this way with their conversation as the key and stamped with the clock inside {@code event}: the
     * order the customer's page shows them, the order of their times and the order of the record are then one order.
     * Keys that hash alike may wait for each other; subscribers must not block, nor publish in order themselves.
     *
     * @return the event published
     */
    default <E extends ContactEvent> E publishInOrder(Object key, Supplier<E> event) {
        synchronized (this) {
            E e = event.get();
            publish(e);
            return e;
        }
    }

    /**
     * Publishes an event another node published first (the cluster relay). While its subscribers run, {@link #relayed()}
     * is true on this thread: work that must happen once in the cluster, like the assistant answering a customer's
     * line, is left to the node where the event happened.
     */
    default void publishRelayed(ContactEvent event) {
        publish(event);
    }

    /** True while this thread delivers an event {@linkplain #publishRelayed relayed} from another node. */
    default boolean relayed() {
        return false;
    }

    <E extends ContactEvent> Subscription subscribe(Class<E> type, Consumer<? super E> subscriber);

    /** Cancels a subscription; idempotent. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
