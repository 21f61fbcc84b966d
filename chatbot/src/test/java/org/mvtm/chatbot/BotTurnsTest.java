package org.mvtm.chatbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.chatbot.api.Assistant;
import org.mvtm.chatbot.api.AssistantConfig;
import org.mvtm.chatbot.api.Assistants;
import org.mvtm.chatbot.api.BotTurns;
import org.mvtm.chatbot.api.RetrievalMode;
import org.mvtm.core.Language;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.TranscriptTurn.Speaker;
import org.mvtm.core.event.BotHandedOff;
import org.mvtm.core.event.ChatMessagePosted;
import org.mvtm.core.event.InProcessEventBus;
import org.mvtm.core.id.ConversationId;

class BotTurnsTest {
    private static final String KB = "faq_id,language,question,answer\n"
            + "hours,en,When do you open?,We open at 9\nhours,en,opening hours of the branch,\n"
            + "fees,en,What are your fees?,Transfers are free\nfees,en,how much do you charge,\n";

    private final InProcessEventBus bus = new InProcessEventBus();
    private final List<ChatMessagePosted> bot = new CopyOnWriteArrayList<>();
    private final List<BotHandedOff> handoffs = new CopyOnWriteArrayList<>();
    private final Clock clock = Clock.systemUTC();

    private Assistant assistant(Path dir) throws Exception {
        Path kb = dir.resolve("kb.csv");
        Files.writeString(kb, KB);
        bus.subscribe(ChatMessagePosted.class, m -> {
            if (m.speaker() == Speaker.BOT) {
                bot.add(m);
            }
        });
        bus.subscribe(BotHandedOff.class, handoffs::add);
        return Assistants.create(AssistantConfig.defaults().withKnowledgeBase(kb).withRetrieval(RetrievalMode.BM25)
                .withReloadInterval(Duration.ZERO), clock, bus);
    }

    private void customer(ConversationId id, String text) {
        bus.publish(new ChatMessagePosted(Instant.now(), id, Speaker.CUSTOMER, "c1", text));
    }

    @Test
    void aLineRelayedFromAnotherNodeIsLeftToThatNodesAssistant(@TempDir Path dir) throws Exception {
        ConversationId id = ConversationId.of("web-44");
        try (Assistant assistant = assistant(dir); BotTurns turns = Assistants.turns(assistant, bus, clock)) {
            bus.publishRelayed(new ChatMessagePosted(Instant.now(), id, Speaker.CUSTOMER, "c1", "What are your fees?"));
            customer(id, "When do you open?");
            // one conversation's turns run in order: an answer to the relayed line would come before this one
            await().atMost(Duration.ofSeconds(20)).until(() -> !bot.isEmpty());
            assertThat(bot).extracting(ChatMessagePosted::text).containsExactly("We open at 9");
        }
    }

    @Test
    void customerLinesAreAnsweredInOrderAsTheAssistantAndTheBotFallsSilentAfterHandoff(@TempDir Path dir) throws Exception {
        ConversationId id = ConversationId.of("web-42");
        try (Assistant assistant = assistant(dir); BotTurns turns = Assistants.turns(assistant, bus, clock)) {
            customer(id, "When do you open?");
            customer(id, "What are your fees?");
            customer(id, "agent please");
            await().atMost(Duration.ofSeconds(20)).until(() -> handoffs.size() == 1 && bot.size() == 3);
            assertThat(bot).extracting(ChatMessagePosted::text).startsWith("We open at 9", "Transfers are free");
            assertThat(bot).allSatisfy(m -> {
                assertThat(m.conversation()).isEqualTo(id);
                assertThat(m.senderId()).isEqualTo(ChatMessagePosted.ASSISTANT);
            });
            customer(id, "When do you open?");
            bus.publish(new ChatMessagePosted(Instant.now(), id, Speaker.ADVISOR, "a1", "Hello, I'm Amy"));
            ConversationId other = ConversationId.of("web-43");
            customer(other, "how much do you charge");
            await().atMost(Duration.ofSeconds(20)).until(() -> bot.size() == 4);
            assertThat(bot.get(3).conversation()).isEqualTo(other);
            assertThat(bot).filteredOn(m -> m.conversation().equals(id)).hasSize(3);
            assertThat(handoffs).hasSize(1);
        }
    }

    @Test
    void aBurstIsAnsweredInTheOrderWrittenAndAHandOffComesAfterEveryLineWrittenBeforeIt(@TempDir Path dir) throws Exception {
        ConversationId id = ConversationId.of("web-burst");
        try (Assistant assistant = assistant(dir); BotTurns turns = Assistants.turns(assistant, bus, clock)) {
            turns.greet(id, Optional.of(Language.EN));
            List<String> written = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String line = i % 2 == 0 ? "When do you open?" : "What are your fees?";
                written.add(line);
                customer(id, line);
            }
            turns.handOff(id); // the button, pressed right after the burst

            await().atMost(Duration.ofSeconds(30)).until(() -> handoffs.size() == 1 && bot.size() == 42);
            assertThat(bot.getLast().text()).as("the customer is told about the hand-off")
                    .startsWith("I'll connect you with one of our advisors now");
            assertThat(bot.get(0).text()).isEqualTo(assistant.greet(ConversationId.of("other"), Optional.of(Language.EN)).text());
            for (int i = 0; i < 40; i++) {
                assertThat(bot.get(i + 1).text()).isEqualTo(i % 2 == 0 ? "We open at 9" : "Transfers are free");
            }
            assertThat(handoffs.get(0).context().transcript()).filteredOn(t -> t.speaker() == Speaker.CUSTOMER)
                    .extracting(TranscriptTurn::text).containsExactlyElementsOf(written);
        }
    }
}
