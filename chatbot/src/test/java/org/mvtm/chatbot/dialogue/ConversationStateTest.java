package org.mvtm.chatbot.dialogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Language;

class ConversationStateTest {

    @Test
    void aConversationIsHandedOffOnceAndNeverReturnsToTheAssistant() {
        Conversation conversation = new Conversation(Language.EN, Instant.parse("2026-01-05T09:00:00Z"));
        assertThat(conversation.handOff()).as("the first hand-off moves").isTrue();
        assertThat(conversation.handOff()).as("a second one does nothing").isFalse();
        assertThat(conversation.state()).isEqualTo(ConversationState.HANDED_OFF);
        assertThatThrownBy(() -> ConversationState.TABLE.check("", ConversationState.HANDED_OFF, ConversationState.WITH_BOT))
                .hasMessage("conversation with the assistant cannot go from HANDED_OFF to WITH_BOT");
    }
}
