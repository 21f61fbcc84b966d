package org.mvtm.chatbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mvtm.chatbot.api.BotReply;
import org.mvtm.chatbot.api.ReplyKind;
import org.mvtm.core.Language;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.id.ConversationId;

class BadInputTest extends OnTheSharedAssistant {
    @Test
    void emptyAndNullTextGetAPoliteClarification() {
        ConversationId id = ConversationId.random();
        for (String text : new String[] {"", "   ", null}) {
            BotReply r = bot.assistant.reply(id, text);
            assertThat(r.kind()).isEqualTo(ReplyKind.CLARIFY);
            assertThat(r.text()).startsWith("Sorry");
        }
        assertThat(bot.handoffsOf(id)).isEmpty();
    }

    @Test
    void twentyThousandCharactersAreAnsweredAndKeptInTheTranscript() {
        String huge = "I lost my credit card yesterday. ".repeat(607);
        assertThat(huge.length()).isGreaterThanOrEqualTo(20_000);
        huge = huge.substring(0, 20_000);
        ConversationId id = ConversationId.random();
        BotReply r = bot.assistant.reply(id, huge);
        assertThat(r.kind()).isEqualTo(ReplyKind.ANSWER);
        assertThat(r.topFaqId()).contains("card_lost");
        TranscriptTurn customer = bot.assistant.handOff(id).handoff().orElseThrow().transcript().get(0);
        assertThat(customer.text()).isEqualTo(huge);
    }

    @Test
    void onlyEmojiInAKnownConversationIsClarifiedInItsLanguage() {
        ConversationId id = ConversationId.random();
        bot.assistant.greet(id, Optional.of(Language.ZH));
        BotReply r = bot.assistant.reply(id, "😀😀🎉");
        assertThat(r.kind()).isEqualTo(ReplyKind.CLARIFY);
        assertThat(r.language()).isEqualTo(Language.ZH);
        assertThat(r.text()).contains("抱歉");
    }

    @Test
    void markupIsNeverEchoed() {
        String attack = "<script>alert('x')</script><img src=x onerror=alert(1)> how do I reset my card PIN?";
        BotReply r = bot.assistant.reply(ConversationId.random(), attack);
        assertThat(r.text()).doesNotContain("<script").doesNotContain("<img").doesNotContain("onerror");
        assertThat(r.kind()).isEqualTo(ReplyKind.ANSWER);
        assertThat(r.topFaqId()).contains("card_pin_reset");

        BotReply only = bot.assistant.reply(ConversationId.random(), "<script>alert(document.cookie)</script>");
        assertThat(only.text()).doesNotContain("<").doesNotContain("alert");
        assertThat(only.kind()).isEqualTo(ReplyKind.CLARIFY);
    }

    @Test
    void unknownLanguageGetsAPoliteReplyInTheMostLikelyLanguage() {
        BotReply french = bot.assistant.reply(ConversationId.random(), "Bonjour, je voudrais ouvrir un compte");
        assertThat(french.kind()).isEqualTo(ReplyKind.CLARIFY);
        assertThat(french.language()).isEqualTo(Language.EN);
        assertThat(french.text()).startsWith("Sorry").contains("抱歉").contains("唔好意思");

        BotReply russian = bot.assistant.reply(ConversationId.random(), "Здравствуйте, как открыть счёт?");
        assertThat(russian.kind()).isEqualTo(ReplyKind.CLARIFY);
        assertThat(russian.text()).isNotBlank();
    }

    @Test
    void controlCharactersAndLoneSurrogatesDoNotBreakAnything() {
        BotReply r = bot.assistant.reply(ConversationId.random(), "\u0000\u0007card\uD800 lost\u202E?");
        assertThat(r.text()).isNotBlank();
    }
}
