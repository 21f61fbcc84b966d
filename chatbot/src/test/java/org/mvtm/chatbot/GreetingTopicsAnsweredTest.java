package org.mvtm.chatbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mvtm.chatbot.api.BotReply;
import org.mvtm.chatbot.api.ReplyKind;
import org.mvtm.core.Language;
import org.mvtm.core.id.ConversationId;

/**
 * Issue 14 item 13: the greeting names accounts, cards, cross-border RMB, remittances, FX, wealth, the app and fees;
 * a customer who asks about any of them, in English, Mandarin or Cantonese, gets an answer from that topic in their
 * language and not the "I didn't quite understand" fallback. None of these questions is a knowledge-base variant.
 */
class GreetingTopicsAnsweredTest extends OnTheSharedAssistant {
    private record Ask(String topic, Language language, String question, String faqPrefix) {
    }

    private static final List<Ask> ASKS = List.of(
            new Ask("FX", Language.EN, "what is the exchange rate for HKD to RMB today", "fx_"),
            new Ask("FX", Language.ZH, "今天港币兑人民币的汇率是多少", "fx_"),
            new Ask("FX", Language.YUE, "今日港幣兌人民幣嘅匯率係幾多", "fx_"),
            new Ask("FX", Language.EN, "what is the US dollar rate today", "fx_"),
            new Ask("FX", Language.YUE, "想知港幣同人民幣嘅兌換價", "fx_"),
            new Ask("accounts", Language.EN, "I want to open a savings account, which documents are needed", "acct_"),
            new Ask("accounts", Language.ZH, "开户要准备什么资料", "acct_"),
            new Ask("accounts", Language.YUE, "我想開個戶口要準備啲咩", "acct_"),
            new Ask("cards", Language.EN, "my credit card is missing, what do I do", "card_"),
            new Ask("cards", Language.ZH, "信用卡不见了怎么办", "card_"),
            new Ask("cards", Language.YUE, "我跌咗張信用卡點算", "card_"),
            new Ask("cross-border RMB", Language.EN, "how can I send renminbi to my account in mainland China", "xb_"),
            new Ask("cross-border RMB", Language.ZH, "怎样把人民币转到我内地的账户", "xb_"),
            new Ask("cross-border RMB", Language.YUE, "點樣轉人民幣去我大陸個戶口", "xb_"),
            new Ask("remittances", Language.EN, "how many days does an overseas transfer take to arrive", "rem_"),
            new Ask("remittances", Language.ZH, "汇款到海外几天可以到", "rem_"),
            new Ask("remittances", Language.YUE, "匯錢去外國要幾多日先到", "rem_"),
            new Ask("wealth", Language.EN, "I want to buy mutual funds", "wealth_"),
            new Ask("wealth", Language.ZH, "我想买基金", "wealth_"),
            new Ask("wealth", Language.YUE, "我想買基金", "wealth_"),
            new Ask("the app", Language.EN, "I can't remember my online banking password", "app_"),
            new Ask("the app", Language.ZH, "网银密码忘了怎么办", "app_"),
            new Ask("the app", Language.YUE, "我忘記咗網上銀行密碼點算", "app_"),
            new Ask("fees", Language.EN, "where is your schedule of bank charges", "fee_"),
            new Ask("fees", Language.ZH, "你们的收费表在哪里看", "fee_"),
            new Ask("fees", Language.YUE, "你哋嘅收費表喺邊度睇", "fee_"));

    @Test
    void theHkdToRmbRateQuestionFromTheIssueIsAnsweredInEveryLanguage() {
        for (Ask ask : ASKS.subList(0, 3)) {
            BotReply r = bot.assistant.reply(ConversationId.random(), ask.question());
            assertThat(r.kind()).as(ask.question()).isEqualTo(ReplyKind.ANSWER);
            assertThat(r.topFaqId()).as(ask.question()).hasValue("fx_rates");
            assertThat(r.language()).as(ask.question()).isEqualTo(ask.language());
            assertThat(r.text()).as(ask.question()).isEqualTo(bot.assistant.answer("fx_rates", ask.language()).orElseThrow())
                    .as("the rate answer names RMB")
                    .contains(ask.language() == Language.EN ? "RMB" : ask.language() == Language.ZH ? "人民币" : "人民幣");
        }
    }

    @Test
    void everyTopicTheGreetingNamesIsAnsweredInEnglishMandarinAndCantonese() {
        for (Language l : Language.values()) {
            String greeting = bot.assistant.greet(ConversationId.random(), Optional.of(l)).text();
            assertThat(greeting).as("the greeting names FX").containsAnyOf("FX", "外汇", "外匯");
        }
        List<String> misses = new ArrayList<>();
        for (Ask ask : ASKS) {
            BotReply r = bot.assistant.reply(ConversationId.random(), ask.question());
            boolean ok = r.kind() == ReplyKind.ANSWER && r.language() == ask.language()
                    && r.topFaqId().orElse("").startsWith(ask.faqPrefix());
            if (!ok) {
                misses.add(ask.topic() + " / " + ask.language().tag() + " \"" + ask.question() + "\" -> " + r.kind()
                        + " " + r.faqIds() + " " + String.format("%.2f", r.confidence()));
            }
        }
        assertThat(misses).as("questions about a topic the greeting advertises").isEmpty();
    }
}
