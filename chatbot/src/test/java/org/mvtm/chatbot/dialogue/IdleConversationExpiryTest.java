package org.mvtm.chatbot.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.chatbot.api.AssistantConfig;
import org.mvtm.chatbot.api.RetrievalMode;
import org.mvtm.core.event.InProcessEventBus;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.time.MutableClock;

/** Chats that end with the bot never get InteractionEnded; they must not stay in memory forever. */
class IdleConversationExpiryTest {
    @Test
    void conversationsIdleLongerThanTheExpiryAreForgotten(@TempDir Path dir) throws Exception {
        Path kb = dir.resolve("kb.csv");
        Files.writeString(kb, "faq_id,language,question,answer\nhours,en,When do you open?,9 to 5\n");
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T05:00:00Z"));
        AssistantConfig config = AssistantConfig.defaults().withKnowledgeBase(kb).withRetrieval(RetrievalMode.BM25)
                .withReloadInterval(Duration.ZERO);
        try (DefaultAssistant a = new DefaultAssistant(config, clock, new InProcessEventBus())) {
            ConversationId old = ConversationId.of("old");
            ConversationId recent = ConversationId.of("recent");
            a.reply(old, "agent");
            clock.advance(DefaultAssistant.IDLE_EXPIRY.minusSeconds(60));
            a.reply(recent, "agent");
            clock.advance(Duration.ofSeconds(120));
            assertThat(a.expireIdle(clock.instant())).isEqualTo(1);
            assertThat(a.handedOff(old)).isFalse();
            assertThat(a.handedOff(recent)).isTrue();
        }
    }
}
