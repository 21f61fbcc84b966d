package org.mvtm.chatbot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mvtm.chatbot.api.BotReply;
import org.mvtm.chatbot.api.ReplyKind;
import org.mvtm.core.id.ConversationId;

/**
 * Issue 19 item 2: a follow-up is read against the previous turn. "And for credit cards?" after a question about a
 * limit asks about the credit card limit; "no, I mean the fee" after an answer asks for the other candidate; the same
 * in Cantonese and Mandarin. A line that is a question of its own is still answered on its own.
 */
@ExtendWith(SharedAssistant.PerRun.class)
class FollowUpQuestionsTest {
    static SharedAssistant bot;

    @BeforeAll
    static void start(SharedAssistant shared) {
        bot = shared;
    }

    private static BotReply say(ConversationId id, String text) {
        return bot.assistant.reply(id, text);
    }

    private static void answered(BotReply r, String faqId) {
        assertThat(r.kind()).as(r.text()).isEqualTo(ReplyKind.ANSWER);
        assertThat(r.faqIds().get(0)).isEqualTo(faqId);
    }

    @Test
    void andForCreditCardsAfterTheTransferLimitAsksAboutTheCreditLimit() {
        ConversationId id = ConversationId.random();
        answered(say(id, "How do I change my daily transfer limit?"), "app_transfer_limit");
        answered(say(id, "and for credit cards?"), "card_limit_increase");
    }

    @Test
    void whatAboutAMortgageAfterAPersonalLoanAsksHowToApplyForAMortgage() {
        ConversationId id = ConversationId.random();
        answered(say(id, "How do I apply for a personal loan?"), "loan_personal");
        answered(say(id, "what about a mortgage?"), "loan_mortgage");
    }

    @Test
    void noIMeanTheFeeAfterHowToSendMoneyOverseasAnswersWhatItCosts() {
        ConversationId id = ConversationId.random();
        answered(say(id, "How do I send money overseas?"), "rem_telegraphic");
        answered(say(id, "no, I mean the fee"), "rem_fees");
    }

    @Test
    void aCantoneseFollowUpIsReadAgainstThePreviousQuestion() {
        ConversationId id = ConversationId.random();
        answered(say(id, "點樣改每日轉賬限額？"), "app_transfer_limit");
        answered(say(id, "咁信用卡呢？"), "card_limit_increase");
    }

    @Test
    void aMandarinFollowUpIsReadAgainstThePreviousQuestion() {
        ConversationId id = ConversationId.random();
        answered(say(id, "怎么申请私人贷款？"), "loan_personal");
        answered(say(id, "那按揭呢？"), "loan_mortgage");
    }

    @Test
    void aFollowUpAboutSomethingOffTopicIsNotForcedOntoAnFaq() {
        ConversationId id = ConversationId.random();
        answered(say(id, "How do I apply for a personal loan?"), "loan_personal");
        assertThat(say(id, "what about the weather tomorrow in Shenzhen?").kind()).isEqualTo(ReplyKind.OUT_OF_SCOPE);
    }
}
