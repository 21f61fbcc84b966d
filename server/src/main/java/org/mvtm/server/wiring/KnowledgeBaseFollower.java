package org.mvtm.server.wiring;

import org.mvtm.core.event.EventBus;
import org.mvtm.core.event.KnowledgeBasePublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each node has its own index: when {@code KnowledgeBasePublished} arrives (relayed from the node where the
 * administrator published, or this node's own, which is a no-op), the assistant adopts that version from the shared
 * archive on its build thread. A node still loading its assistant skips it: it starts from the latest version anyway.
 */
final class KnowledgeBaseFollower implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KnowledgeBaseFollower.class);
    private final BackgroundAssistant assistant;
    private final EventBus.Subscription subscription;

    KnowledgeBaseFollower(BackgroundAssistant assistant, EventBus bus) {
        this.assistant = assistant;
        this.subscription = bus.subscribe(KnowledgeBasePublished.class, this::published);
    }

    private void published(KnowledgeBasePublished e) {
        if (!assistant.ready()) {
            return;
        }
        assistant.administration().ifPresent(admin -> admin.adopt(e.version()).whenComplete((swapped, failure) -> {
            if (failure != null) {
                log.warn("could not adopt knowledge-base version {} published by {}: {}", e.version(), e.by(),
                        failure.getMessage());
            } else if (swapped) {
                log.info("knowledge-base version {} published by {} on another node is now in service here",
                        e.version(), e.by());
            }
        }));
    }

    @Override
    public void close() {
        subscription.close();
    }
}
