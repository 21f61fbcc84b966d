package org.mvtm.sip.ivr;

import java.util.List;
import org.mvtm.core.Language;
import org.mvtm.sip.api.IvrKnowledge;

/** The IVR's own sentences in Cantonese (Traditional), Mandarin (Simplified) and English. */
final class IvrPrompts {
    /** The end of the topic menu. */
    static final Sentence MENU_END = new Sentence("搵職員請按0，或者講低你嘅問題。", "转人工请按0，或者说出您的问题。",
            "For an advisor, press 0, or say your question.");
    static final Sentence NOT_AN_OPTION = new Sentence("對唔住，冇呢個選擇。", "对不起，没有这个选项。",
            "Sorry, that is not an option.");
    static final Sentence NOT_UNDERSTOOD = new Sentence("對唔住，我聽唔明。", "对不起，我没有听懂。",
            "Sorry, I did not understand.");
    static final Sentence AFTER_ANSWER = new Sentence("搵職員請按0，返回選單請按9。", "转人工请按0，返回菜单请按9。",
            "For an advisor, press 0. For the menu, press 9.");
    static final Sentence TO_ADVISOR = new Sentence("而家幫你轉駁職員，請稍候。", "正在为您转接人工服务，请稍候。",
            "Connecting you to an advisor, please hold.");
    static final Sentence MORE_IN_THE_APP = new Sentence("更多內容請睇App。", "更多内容请查看App。",
            "More in the app.");

    private IvrPrompts() {
    }

    /** The greeting with the language choice (1 Cantonese, 2 Mandarin, 3 English), in the caller's language first. */
    static List<IvrAction.Part> greeting(Language language) {
        IvrAction.Part yue = new IvrAction.Part("廣東話請按1。", Language.YUE);
        IvrAction.Part zh = new IvrAction.Part("普通话请按2。", Language.ZH);
        IvrAction.Part en = new IvrAction.Part("For English, press 3.", Language.EN);
        return switch (language) {
            case YUE -> List.of(new IvrAction.Part("歡迎致電銀行。", Language.YUE), yue, zh, en);
            case ZH -> List.of(new IvrAction.Part("欢迎致电银行。", Language.ZH), zh, yue, en);
            case EN -> List.of(new IvrAction.Part("Welcome to the bank.", Language.EN), en, yue, zh);
        };
    }

    /** The topic menu: a digit per topic, 0 for an advisor, or say the question. */
    static String menu(Language language, List<IvrKnowledge.Topic> topics) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < topics.size(); i++) {
            String title = topics.get(i).title();
            b.append(switch (language) {
                case YUE -> title + "請按" + (i + 1) + "，";
                case ZH -> title + "请按" + (i + 1) + "，";
                case EN -> "For " + title + ", press " + (i + 1) + ". ";
            });
        }
        return b.append(MENU_END.in(language)).toString();
    }

    /** What the caller's key means, for the advisor's transcript. */
    static String pressed(char digit, String meaning) {
        return "[" + digit + "] " + meaning;
    }
}
