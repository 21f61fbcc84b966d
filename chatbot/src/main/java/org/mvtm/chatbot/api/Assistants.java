package org.mvtm.chatbot.api;

import java.time.Clock;
import java.util.Objects;
import org.mvtm.chatbot.dialogue.DefaultAssistant;
import org.mvtm.core.event.EventBus;

/** Creates the default {@link Assistant}. */
public final class Assistants {
    private Assistants() {
    }

    /**
     * Loads the knowledge base, builds the in-memory index (and loads the embedding models unless the retrieval
     * mode is a BM25 baseline) and starts the reload check.
     *
     * @throws KnowledgeBaseException if the knowledge base cannot be loaded
     */
    public static Assistant create(AssistantConfig config, Clock clock, EventBus events) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(events, "events");
        return new DefaultAssistant(config, clock, events);
    }

    /**
     * As {@link #create(AssistantConfig, Clock, EventBus)}, with the knowledge base managed by administrators
     * ({@link Assistant#administration()}): the latest version in the archive is served instead of the configured
     * files, and new versions are published into it.
     */
    public static Assistant create(AssistantConfig config, Clock clock, EventBus events, KnowledgeBaseArchive archive) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(archive, "archive");
        return new DefaultAssistant(config, clock, events, archive);
    }

    /**
     * Optional wiring helper: answers every {@code ChatMessagePosted(CUSTOMER)} on the bus with the assistant, off
     * the publisher's thread and in order per conversation, and publishes non-silent replies as
     * {@code ChatMessagePosted(BOT, senderId "bot")}. Handed-off conversations are left to the advisor. Close the
     * returned handle to unsubscribe and stop its threads (before closing the assistant).
     *
     * @param lanes number of worker threads (conversations are spread over them by id); 2 suits a 2-core node
     */
    public static AutoCloseable bridge(Assistant assistant, EventBus events, Clock clock, int lanes) {
        return new org.mvtm.chatbot.dialogue.EventBusBridge(assistant, events, clock, lanes);
    }
}
