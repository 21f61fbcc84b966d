package org.mvtm.chatbot.api;

import java.time.Clock;
import java.util.Objects;
import org.mvtm.chatbot.dialogue.DefaultAssistant;
import org.mvtm.chatbot.dialogue.SerialBotTurns;
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
     * The one path from customer lines on the bus to the assistant's answers ({@link BotTurns}). Close it before the
     * assistant.
     */
    public static BotTurns turns(Assistant assistant, EventBus events, Clock clock) {
        return new SerialBotTurns(assistant, events, clock);
    }
}
