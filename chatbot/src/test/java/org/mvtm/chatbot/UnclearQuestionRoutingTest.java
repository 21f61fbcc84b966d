package org.mvtm.chatbot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mvtm.chatbot.api.BotReply;
import org.mvtm.chatbot.api.ReplyKind;
import org.mvtm.core.HandoffContext;
import org.mvtm.core.id.ConversationId;

/**
 * Issue 14 item 12: a question the assistant did not understand says nothing about the product, so the person who
 * takes over is found in the general queue, not in the queue of a guess (a vague "transfer" is not cross-border).
 */
class UnclearQuestionRoutingTest extends OnTheSharedAssistant {
    @Test
    void aQuestionTheAssistantAskedToRephraseHandsOffWithoutAProductGuess() {
        ConversationId id = ConversationId.random();
        BotReply unclear = bot.assistant.reply(id, "something happened with my transfer thing");
        assertThat(unclear.kind()).as("the assistant did not understand").isEqualTo(ReplyKind.CLARIFY);
        HandoffContext ctx = bot.assistant.reply(id, "I want to talk to a real person").handoff().orElseThrow();
        assertThat(ctx.likelyProduct()).as("no product from a guess it did not trust").isEmpty();
    }

    @Test
    void aLowConfidenceHandoffCarriesNoProductGuess() {
        BotReply r = bot.assistant.reply(ConversationId.random(), "the situation is complicated");
        assertThat(r.kind()).isEqualTo(ReplyKind.HANDOFF);
        assertThat(r.handoff().orElseThrow().reason()).isEqualTo(HandoffContext.Reason.LOW_CONFIDENCE);
        assertThat(r.handoff().orElseThrow().likelyProduct()).isEmpty();
    }

    @Test
    void aProductTheAssistantAnsweredAboutIsKeptAfterALaterUnclearQuestion() {
        ConversationId id = ConversationId.random();
        assertThat(bot.assistant.reply(id, "I lost my credit card, what should I do?").kind()).isEqualTo(ReplyKind.ANSWER);
        bot.assistant.reply(id, "something happened with my transfer thing");
        HandoffContext ctx = bot.assistant.reply(id, "I want to talk to a real person").handoff().orElseThrow();
        assertThat(ctx.likelyProduct()).map(Enum::name).contains("CARDS");
    }
}
