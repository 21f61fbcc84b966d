package org.mvtm.chatbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.chatbot.api.Assistant;
import org.mvtm.chatbot.api.AssistantConfig;
import org.mvtm.chatbot.api.Assistants;
import org.mvtm.chatbot.api.RetrievalMode;
import org.mvtm.core.TranscriptTurn.Speaker;
import org.mvtm.core.event.BotHandedOff;
import org.mvtm.core.event.ChatMessagePosted;
import org.mvtm.core.event.InProcessEventBus;
import org.mvtm.core.id.ConversationId;

class EventBusBridgeTest {
    @Test
    void customerLinesAreAnsweredInOrderOnTheBusAndTheBotFallsSilentAfterHandoff(@TempDir Path dir) throws Exception {
        Path kb = dir.resolve("kb.csv");
        Files.writeString(kb, "faq_id,language,question,answer\n"
                + "hours,en,When do you open?,We open at 9\nhours,en,opening hours of the branch,\n"
                + "fees,en,What are your fees?,Transfers are free\nfees,en,how much do you charge,\n");
        InProcessEventBus bus = new InProcessEventBus();
        List<ChatMessagePosted> bot = new CopyOnWriteArrayList<>();
        List<BotHandedOff> handoffs = new CopyOnWriteArrayList<>();
        bus.subscribe(ChatMessagePosted.class, m -> {
            if (m.speaker() == Speaker.BOT) {
                bot.add(m);
            }
        });
        bus.subscribe(BotHandedOff.class, handoffs::add);
        AssistantConfig config = AssistantConfig.defaults().withKnowledgeBase(kb).withRetrieval(RetrievalMode.BM25)
                .withReloadInterval(Duration.ZERO);
        Clock clock = Clock.systemUTC();
        ConversationId id = ConversationId.of("web-42");
        try (Assistant assistant = Assistants.create(config, clock, bus);
             AutoCloseable bridge = Assistants.bridge(assistant, bus, clock, 2)) {
            bus.publish(new ChatMessagePosted(Instant.now(), id, Speaker.CUSTOMER, "c1", "When do you open?"));
            bus.publish(new ChatMessagePosted(Instant.now(), id, Speaker.CUSTOMER, "c1", "What are your fees?"));
            bus.publish(new ChatMessagePosted(Instant.now(), id, Speaker.CUSTOMER, "c1", "agent please"));
            await().atMost(Duration.ofSeconds(20)).until(() -> handoffs.size() == 1 && bot.size() == 3);
            assertThat(bot).extracting(ChatMessagePosted::text).startsWith("We open at 9", "Transfers are free");
            assertThat(bot).allSatisfy(m -> {
                assertThat(m.conversation()).isEqualTo(id);
                assertThat(m.senderId()).isEqualTo("bot");
            });
            bus.publish(new ChatMessagePosted(Instant.now(), id, Speaker.CUSTOMER, "c1", "When do you open?"));
            bus.publish(new ChatMessagePosted(Instant.now(), id, Speaker.ADVISOR, "a1", "Hello, I'm Amy"));
            ConversationId other = ConversationId.of("web-43");
            bus.publish(new ChatMessagePosted(Instant.now(), other, Speaker.CUSTOMER, "c2", "how much do you charge"));
            await().atMost(Duration.ofSeconds(20)).until(() -> bot.size() == 4);
            assertThat(bot.get(3).conversation()).isEqualTo(other);
            assertThat(bot).filteredOn(m -> m.conversation().equals(id)).hasSize(3);
            assertThat(handoffs).hasSize(1);
        }
    }
}
