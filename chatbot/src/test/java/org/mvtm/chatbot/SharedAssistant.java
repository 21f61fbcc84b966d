package org.mvtm.chatbot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.mvtm.chatbot.api.Assistant;
import org.mvtm.chatbot.api.AssistantConfig;
import org.mvtm.chatbot.api.Assistants;
import org.mvtm.core.event.BotHandedOff;
import org.mvtm.core.event.InProcessEventBus;

/**
 * One hybrid assistant on the shipped knowledge base, with a fixed clock and a recorder of published handoffs, shared
 * by every dialogue test class of the run (the models load once, and JUnit closes it when the run ends). A class
 * takes it by extending {@link OnTheSharedAssistant}; tests keep to their own conversations ({@link #handoffsOf}).
 */
final class SharedAssistant implements AutoCloseable {
    /** Hands the run's one {@link SharedAssistant} to a test class, creating it on first use. */
    static final class PerRun implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SharedAssistant.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(SharedAssistant.class, key -> new SharedAssistant(), SharedAssistant.class);
        }
    }

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
