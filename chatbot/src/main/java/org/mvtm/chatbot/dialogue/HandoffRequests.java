package org.mvtm.chatbot.dialogue;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Recognises a customer asking for a person, in English, Mandarin or Cantonese. */
final class HandoffRequests {
    private static final Pattern ENGLISH = Pattern.compile(
            "\\b(agent|human|representative|operator|real person|live (chat|person)|"
                    + "(talk|speak|chat) (to|with) (a |an |the |your )?(person|someone|somebody|staff|advisor|adviser|"
                    + "banker|officer|manager|people|real)|customer service (officer|agent|representative))\\b");
    private static final Pattern ENGLISH_EXCEPTIONS = Pattern.compile("\\b(in person|travel agent|user agent)\\b");
    private static final List<String> CHINESE = List.of(
            "人工", "真人", "转人工", "轉人工", "搵真人", "找真人", "职员", "職員", "工作人员", "工作人員", "客服人员",
            "客服人員", "找客服", "搵客服", "转客服", "轉客服", "接线员", "接線員", "同人講", "搵人講", "找人聊", "坐席",
            "客户经理", "客戶經理", "理财顾问", "理財顧問");

    private HandoffRequests() {
    }

    static boolean asksForPerson(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String w : CHINESE) {
            if (text.contains(w)) {
                return true;
            }
        }
        return ENGLISH.matcher(lower).find() && !ENGLISH_EXCEPTIONS.matcher(lower).find();
    }
}
