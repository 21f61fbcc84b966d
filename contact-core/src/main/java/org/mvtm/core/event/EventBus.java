package org.mvtm.core.event;

import java.util.function.Consumer;

/**
 * Publish/subscribe between modules. Subscribers run on the publisher's thread in subscription order and must
 * not block: hand slow work to a queue or a virtual thread.
 */
public interface EventBus {
    void publish(ContactEvent event);

    <E extends ContactEvent> Subscription subscribe(Class<E> type, Consumer<? super E> subscriber);

    /** Cancels a subscription; idempotent. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
