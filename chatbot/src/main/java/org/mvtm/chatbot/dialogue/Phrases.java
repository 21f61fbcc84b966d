package org.mvtm.chatbot.dialogue;

import java.util.List;
import org.mvtm.chatbot.api.Choice;
import org.mvtm.core.Language;

/** Everything the assistant says on its own, in English, Mandarin (Simplified) and Cantonese (Traditional). */
final class Phrases {
    private Phrases() {
    }

    /** One thing the assistant says, written in each of its languages. */
    record Phrase(String en, String zh, String yue) {
        /** The phrase in {@code l}. */
        String in(Language l) {
            return switch (l) {
                case EN -> en;
                case ZH -> zh;
                case YUE -> yue;
            };
        }
    }

    static final Phrase GREETING = new Phrase(
            "Hello! I'm the bank's virtual assistant. Ask me about accounts, cards, cross-border RMB, "
                    + "remittances, FX, wealth, the app or fees. Type \"agent\" at any time to talk to a person.",
            "您好！我是银行的智能助理，可以解答账户、信用卡、跨境人民币、汇款、外汇、理财、手机银行及收费等问题。"
                    + "如需人工服务，请随时输入“人工”。",
            "你好！我係銀行嘅智能助理，可以解答戶口、信用卡、跨境人民幣、匯款、外匯、理財、手機App同收費等問題。"
                    + "想搵真人職員，隨時打「轉人工」就得。");

    static final Phrase WELCOME = new Phrase(
            "You're welcome! Is there anything else I can help you with?",
            "不客气！还有其他可以帮您的吗？",
            "唔使客氣！仲有冇其他嘢可以幫到你？");

    static final Phrase HELLO = new Phrase(
            "Hello! How can I help you today?",
            "您好！请问有什么可以帮您？",
            "你好！有咩可以幫到你？");

    static final Phrase CLARIFY = new Phrase(
            "Sorry, I didn't quite understand. Could you rephrase your question in a few words? "
                    + "You can also type \"agent\" to talk to a person.",
            "抱歉，我没有完全理解。可以换个说法再问一次吗？您也可以输入“人工”转接客服人员。",
            "唔好意思，我唔係好明。可唔可以換個講法再問多次？你都可以打「轉人工」搵職員。");

    /** For a question outside the bank's topics: an honest "I can't help with that here". */
    static final Phrase CANNOT_HELP = new Phrase(
            "Sorry, I can't help with that here. I can only answer questions about your banking with us "
                    + "(accounts, cards, payments, FX, the app). Type \"agent\" to talk to a person.",
            "抱歉，这个问题我在这里帮不上忙。我只能解答与本行业务有关的问题（账户、信用卡、汇款、外汇、手机银行等）。"
                    + "如需人工服务，请输入“人工”。",
            "唔好意思，呢個問題我喺度幫唔到你。我只可以解答同本行服務有關嘅問題（戶口、信用卡、匯款、外匯、手機App等）。"
                    + "想搵真人職員，可以打「轉人工」。");

    static final Phrase HANDOFF = new Phrase(
            "I'll connect you with one of our advisors now. They will see our conversation, so you "
                    + "won't need to repeat yourself. Please hold on.",
            "正在为您转接客服人员，他们会看到我们的对话记录，您无需重复说明。请稍候。",
            "而家幫你轉駁去職員，佢哋會睇到我哋頭先嘅對話，你唔使再講多次。請稍等。");

    /** The line above the numbered choices. */
    private static final Phrase CHOICE = new Phrase(
            "Which of these did you mean? Reply 1 or 2:",
            "请问您是想问以下哪一个？请回复 1 或 2：",
            "請問你係想問以下邊一個？覆 1 或者 2 就得：");

    /** For text in no language we know: the same request in all three languages, the likely one first. */
    static String clarifyUnknown(Language l) {
        String rest = switch (l) {
            case EN -> CLARIFY.zh() + "\n" + CLARIFY.yue();
            case ZH -> CLARIFY.en() + "\n" + CLARIFY.yue();
            case YUE -> CLARIFY.en() + "\n" + CLARIFY.zh();
        };
        return CLARIFY.in(l) + "\n" + rest;
    }

    static String choice(Language l, List<Choice> choices) {
        StringBuilder sb = new StringBuilder(CHOICE.in(l));
        for (int i = 0; i < choices.size(); i++) {
            sb.append('\n').append(i + 1).append(". ").append(choices.get(i).question());
        }
        return sb.toString();
    }
}
