package org.mvtm.chatbot.dialogue;

import java.util.Locale;
import java.util.Set;

/** Greetings and thanks that are not questions: answered politely, never searched or handed off. */
final class SmallTalk {
    enum Kind { HELLO, THANKS }

    private static final Set<String> HELLO = Set.of("hi", "hello", "hey", "good morning", "good afternoon",
            "good evening", "你好", "您好", "哈囉", "哈啰", "早晨", "早上好", "喂", "hello呀", "hi呀", "你好呀");
    private static final Set<String> THANKS = Set.of("thanks", "thank you", "thx", "ok thanks", "ok thank you",
            "谢谢", "謝謝", "多謝", "多谢", "唔該", "唔该", "唔該晒", "多謝晒", "thank you very much", "好的谢谢", "ok",
            "okay", "好", "好的", "知道了", "明白", "收到");

    private SmallTalk() {
    }

    static Kind of(String text) {
        String t = text.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}\\s！。，？~～]+", " ").trim();
        if (HELLO.contains(t)) {
            return Kind.HELLO;
        }
        if (THANKS.contains(t)) {
            return Kind.THANKS;
        }
        return null;
    }
}
