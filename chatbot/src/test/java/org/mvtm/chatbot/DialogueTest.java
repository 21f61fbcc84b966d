package org.mvtm.chatbot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.mvtm.chatbot.api.BotReply;
import org.mvtm.chatbot.api.ReplyKind;
import org.mvtm.core.HandoffContext;
import org.mvtm.core.Language;
import org.mvtm.core.Product;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.id.ConversationId;

class DialogueTest extends OnTheSharedAssistant {
    @Test
    void greetsInThePreferredLanguage() {
        BotReply r = bot.assistant.greet(ConversationId.random(), Optional.of(Language.YUE));
        assertThat(r.kind()).isEqualTo(ReplyKind.GREETING);
        assertThat(r.language()).isEqualTo(Language.YUE);
        assertThat(r.text()).contains("轉人工");
    }

    @Test
    void answersInTheCustomersOwnLanguage() {
        BotReply en = bot.assistant.reply(ConversationId.random(), "I lost my credit card, what should I do?");
        BotReply zh = bot.assistant.reply(ConversationId.random(), "我的信用卡丢了，怎么办");
        BotReply yue = bot.assistant.reply(ConversationId.random(), "我張信用卡唔見咗，點算好");
        for (BotReply r : List.of(en, zh, yue)) {
            assertThat(r.kind()).isEqualTo(ReplyKind.ANSWER);
            assertThat(r.topFaqId()).contains("card_lost");
            assertThat(r.confidence()).isGreaterThanOrEqualTo(0.5);
        }
        assertThat(en.language()).isEqualTo(Language.EN);
        assertThat(en.text()).contains("24-hour hotline");
        assertThat(zh.language()).isEqualTo(Language.ZH);
        assertThat(zh.text()).contains("挂失");
        assertThat(yue.language()).isEqualTo(Language.YUE);
        assertThat(yue.text()).contains("報失");
    }

    @Test
    void answersCodeMixedCantonese() {
        BotReply r = bot.assistant.reply(ConversationId.random(), "我想check下我嘅account balance");
        assertThat(r.language()).isEqualTo(Language.YUE);
        assertThat(r.kind()).isEqualTo(ReplyKind.ANSWER);
        assertThat(r.topFaqId()).contains("acct_balance_check");
    }

    @Test
    void offersTheTopTwoWhenTheyAreClose() {
        ConversationId id = ConversationId.random();
        BotReply r = bot.assistant.reply(id, "how much to send money to the UK");
        assertThat(r.kind()).isEqualTo(ReplyKind.CHOICE);
        assertThat(r.choices()).extracting(c -> c.faqId()).containsExactlyInAnyOrder("rem_telegraphic", "rem_fees");
        assertThat(r.text()).contains("1. ").contains("2. ");
        BotReply picked = bot.assistant.reply(id, "2");
        assertThat(picked.kind()).isEqualTo(ReplyKind.ANSWER);
        assertThat(picked.topFaqId()).contains(r.choices().get(1).faqId());
    }

    @Test
    void customerAskingForAPersonInAnyLanguageIsHandedOffOnce() {
        for (String ask : List.of("agent", "I want to talk to a real person", "转人工", "轉人工", "搵真人",
                "我要同職員講", "人工服务", "真人")) {
            ConversationId id = ConversationId.random();
            BotReply r = bot.assistant.reply(id, ask);
            assertThat(r.kind()).as(ask).isEqualTo(ReplyKind.HANDOFF);
            assertThat(r.handoff().orElseThrow().reason()).isEqualTo(HandoffContext.Reason.CUSTOMER_ASKED);
            assertThat(bot.handoffsOf(id)).as(ask).hasSize(1);
            assertThat(bot.assistant.handedOff(id)).isTrue();
        }
    }

    @Test
    void handoffCarriesLanguageProductFaqsTriedAndTranscript() {
        ConversationId id = ConversationId.random();
        bot.assistant.greet(id, Optional.empty());
        bot.assistant.reply(id, "我張信用卡唔見咗點算");
        BotReply r = bot.assistant.reply(id, "唔該幫我轉人工");
        HandoffContext ctx = r.handoff().orElseThrow();
        assertThat(ctx.language()).isEqualTo(Language.YUE);
        assertThat(ctx.likelyProduct()).contains(Product.CARDS);
        assertThat(ctx.faqsTried()).contains("card_lost");
        assertThat(ctx.transcript()).extracting(TranscriptTurn::speaker).containsExactly(TranscriptTurn.Speaker.BOT,
                TranscriptTurn.Speaker.CUSTOMER, TranscriptTurn.Speaker.BOT, TranscriptTurn.Speaker.CUSTOMER,
                TranscriptTurn.Speaker.BOT);
        assertThat(ctx.transcript().get(1).text()).isEqualTo("我張信用卡唔見咗點算");
        assertThat(ctx.transcript().get(0).at()).isEqualTo(SharedAssistant.NOW);
        assertThat(bot.handoffsOf(id)).singleElement().satisfies(e -> {
            assertThat(e.context()).isEqualTo(ctx);
            assertThat(e.at()).isEqualTo(SharedAssistant.NOW);
        });
    }

    @Test
    void staysSilentAfterHandoff() {
        ConversationId id = ConversationId.random();
        bot.assistant.reply(id, "agent please");
        BotReply after = bot.assistant.reply(id, "How do I activate my new card?");
        assertThat(after.kind()).isEqualTo(ReplyKind.SILENT);
        assertThat(after.text()).isEmpty();
        assertThat(bot.assistant.handOff(id).kind()).isEqualTo(ReplyKind.SILENT);
        assertThat(bot.handoffsOf(id)).hasSize(1);
    }

    @Test
    void retriedMessageIdReturnsTheSameReplyAndPublishesOnce() {
        ConversationId id = ConversationId.random();
        BotReply first = bot.assistant.reply(id, "m-1", "轉人工");
        BotReply retry = bot.assistant.reply(id, "m-1", "轉人工");
        assertThat(retry).isEqualTo(first);
        assertThat(retry.kind()).isEqualTo(ReplyKind.HANDOFF);
        assertThat(bot.handoffsOf(id)).hasSize(1);
    }

    @Test
    void concurrentHandoffRequestsPublishExactlyOnce() throws Exception {
        ConversationId id = ConversationId.random();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<BotReply>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = i;
                calls.add(() -> n % 2 == 0 ? bot.assistant.handOff(id) : bot.assistant.reply(id, "msg-" + n, "agent"));
            }
            List<BotReply> replies = new ArrayList<>();
            for (Future<BotReply> f : pool.invokeAll(calls)) {
                replies.add(f.get());
            }
            assertThat(replies).filteredOn(r -> r.kind() == ReplyKind.HANDOFF).hasSize(1);
            assertThat(replies).filteredOn(r -> r.kind() == ReplyKind.SILENT).hasSize(15);
            assertThat(bot.handoffsOf(id)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoUnansweredTurnsHandOff() {
        ConversationId id = ConversationId.random();
        BotReply first = bot.assistant.reply(id, "🙂🙂");
        assertThat(first.kind()).isEqualTo(ReplyKind.CLARIFY);
        assertThat(bot.handoffsOf(id)).isEmpty();
        BotReply second = bot.assistant.reply(id, "👍");
        assertThat(second.kind()).isEqualTo(ReplyKind.HANDOFF);
        assertThat(second.handoff().orElseThrow().reason()).isEqualTo(HandoffContext.Reason.UNANSWERED_TURNS);
        assertThat(bot.handoffsOf(id)).hasSize(1);
    }

    @Test
    void questionOutsideBankingIsDeclinedHonestlyInsteadOfAnsweredWithAnFaq() {
        ConversationId id = ConversationId.random();
        BotReply r = bot.assistant.reply(id, "Can you recommend a good restaurant for dinner tonight in Wan Chai?");
        assertThat(r.kind()).isEqualTo(ReplyKind.OUT_OF_SCOPE);
        assertThat(r.text()).contains("can't help with that here");
        assertThat(bot.handoffsOf(id)).as("one off-topic question is not yet a hand-off").isEmpty();
    }

    @Test
    void greetingsAndThanksAreAnsweredPolitelyWithoutSearching() {
        ConversationId id = ConversationId.random();
        assertThat(bot.assistant.reply(id, "多謝晒！").kind()).isEqualTo(ReplyKind.GREETING);
        assertThat(bot.assistant.reply(id, "你好").kind()).isEqualTo(ReplyKind.GREETING);
        assertThat(bot.handoffsOf(id)).isEmpty();
    }

    @Test
    void forgetDropsTheConversation() {
        ConversationId id = ConversationId.random();
        bot.assistant.reply(id, "agent");
        bot.assistant.forget(id);
        assertThat(bot.assistant.handedOff(id)).isFalse();
        assertThat(bot.assistant.language(id)).isEmpty();
    }
}
