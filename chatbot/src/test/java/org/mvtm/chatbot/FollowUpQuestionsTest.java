package org.mvtm.chatbot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mvtm.chatbot.api.BotReply;
import org.mvtm.chatbot.api.ReplyKind;
import org.mvtm.core.id.ConversationId;

/**
 * Issue 19 item 2: a follow-up is read against the previous turn. "And for credit cards?" after a question about a
 * limit asks about the credit card limit; "no, I mean the fee" after an answer asks for the other candidate; the same
 * in Cantonese and Mandarin. A line that is a question of its own is still answered on its own.
 */
class FollowUpQuestionsTest extends OnTheSharedAssistant {
    private static BotReply say(ConversationId id, String text) {
        return bot.assistant.reply(id, text);
    }

    private static void answered(BotReply r, String faqId) {
        assertThat(r.kind()).as(r.text()).isEqualTo(ReplyKind.ANSWER);
        assertThat(r.faqIds().get(0)).isEqualTo(faqId);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock = """
            and for credit cards after the transfer limit asks about the credit limit | How do I change my daily transfer limit? | and for credit cards? | app_transfer_limit | card_limit_increase
            what about a mortgage after a personal loan asks how to apply for a mortgage | How do I apply for a personal loan? | what about a mortgage? | loan_personal | loan_mortgage
            no I mean the fee after how to send money overseas answers what it costs | How do I send money overseas? | no, I mean the fee | rem_telegraphic | rem_fees
            a Cantonese follow-up is read against the previous question | 點樣改每日轉賬限額？ | 咁信用卡呢？ | app_transfer_limit | card_limit_increase
            a Mandarin follow-up is read against the previous question | 怎么申请私人贷款？ | 那按揭呢？ | loan_personal | loan_mortgage
            """)
    void aFollowUpIsReadAgainstThePreviousQuestion(
            String behaviour, String first, String followUp, String firstFaq, String followUpFaq) {
        ConversationId id = ConversationId.random();
        answered(say(id, first), firstFaq);
        answered(say(id, followUp), followUpFaq);
    }

    @Test
    void aFollowUpAboutSomethingOffTopicIsNotForcedOntoAnFaq() {
        ConversationId id = ConversationId.random();
        answered(say(id, "How do I apply for a personal loan?"), "loan_personal");
        assertThat(say(id, "what about the weather tomorrow in Shenzhen?").kind()).isEqualTo(ReplyKind.OUT_OF_SCOPE);
    }
}
