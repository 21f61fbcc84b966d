package org.mvtm.chatbot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mvtm.chatbot.api.Assistant;
import org.mvtm.chatbot.api.AssistantConfig;
import org.mvtm.chatbot.api.Assistants;
import org.mvtm.core.event.BotHandedOff;
import org.mvtm.core.event.InProcessEventBus;

/**
 * One hybrid assistant on the shipped knowledge base for the dialogue tests of a class (models load once), with
 * a fixed clock and a recorder of published handoffs.
 */
final class SharedAssistant implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-11-23T04:00:00Z");
    final InProcessEventBus bus = new InProcessEventBus();
    final List<BotHandedOff> handoffs = new CopyOnWriteArrayList<>();
    final Assistant assistant;

    SharedAssistant() {
        bus.subscribe(BotHandedOff.class, handoffs::add);
        assistant = Assistants.create(AssistantConfig.defaults().withReloadInterval(Duration.ZERO),
                Clock.fixed(NOW, ZoneOffset.UTC), bus);
    }

    List<BotHandedOff> handoffsOf(org.mvtm.core.id.ConversationId id) {
        return handoffs.stream().filter(h -> h.conversation().equals(id)).toList();
    }

    @Override
    public void close() {
        assistant.close();
    }
}
