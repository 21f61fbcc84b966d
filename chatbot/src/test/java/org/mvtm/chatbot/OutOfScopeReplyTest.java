package org.mvtm.chatbot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mvtm.chatbot.api.BotReply;
import org.mvtm.chatbot.api.ReplyKind;
import org.mvtm.core.HandoffContext;
import org.mvtm.core.Language;
import org.mvtm.core.id.ConversationId;

/**
 * Issue 19 item 1: a question outside banking gets an honest "I can't help with that here" in the customer's
 * language, never an unrelated FAQ, and a second one in a row goes to a person. (None of these questions is among
 * the detector's shipped examples.)
 */
class OutOfScopeReplyTest extends OnTheSharedAssistant {
    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Can you suggest a nice hotel for my holiday in Bali? | EN  | Sorry, I can't help with that here.
            明天深圳会不会下大雨？                                | ZH  | 抱歉，这个问题我在这里帮不上忙
            你覺得聽日邊隻股票會升呀？                            | YUE | 唔好意思，呢個問題我喺度幫唔到你
            """)
    void anOffTopicQuestionIsDeclinedInTheCustomersLanguageWithoutAnyFaq(String question, Language language,
            String declined) {
        BotReply r = bot.assistant.reply(ConversationId.random(), question);
        assertThat(r.kind()).isEqualTo(ReplyKind.OUT_OF_SCOPE);
        assertThat(r.language()).isEqualTo(language);
        assertThat(r.text()).startsWith(declined);
        assertThat(r.faqIds()).as("no FAQ offered").isEmpty();
    }

    @Test
    void anOffTopicQuestionTheDetectorMissesIsStillNotAnsweredBecauseItsConfidenceIsLow() {
        // the detector does not fire on this one (it is far from every shipped example); the calibration catches it
        BotReply r = bot.assistant.reply(ConversationId.random(), "Which team won the football game yesterday evening?");
        assertThat(r.kind()).isNotIn(ReplyKind.ANSWER, ReplyKind.CHOICE);
    }

    @Test
    void aSecondOffTopicQuestionInARowGoesToAPerson() {
        ConversationId id = ConversationId.random();
        assertThat(bot.assistant.reply(id, "Tell me a funny story about a penguin").kind())
                .isEqualTo(ReplyKind.OUT_OF_SCOPE);
        BotReply second = bot.assistant.reply(id, "Then recommend a good film for tonight");
        assertThat(second.kind()).isEqualTo(ReplyKind.HANDOFF);
        assertThat(second.handoff().orElseThrow().reason()).isEqualTo(HandoffContext.Reason.UNANSWERED_TURNS);
    }

    @Test
    void aBankingQuestionIsStillAnswered() {
        assertThat(bot.assistant.reply(ConversationId.random(), "I lost my credit card, what should I do?").kind())
                .isEqualTo(ReplyKind.ANSWER);
    }
}
