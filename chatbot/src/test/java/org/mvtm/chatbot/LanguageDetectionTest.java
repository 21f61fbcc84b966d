package org.mvtm.chatbot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mvtm.chatbot.api.LanguageGuess;
import org.mvtm.chatbot.lang.ChineseNormalizer;
import org.mvtm.chatbot.lang.ScriptLanguageDetector;
import org.mvtm.core.Language;

class LanguageDetectionTest {
    private final ScriptLanguageDetector detector = new ScriptLanguageDetector(new ChineseNormalizer());

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "How do I reset my PIN?, EN",
            "I lost my card, EN",
            "我的信用卡丢了怎么办, ZH",
            "怎么开户, ZH",
            "请问你们几点关门, ZH",
            "我張信用卡唔見咗, YUE",
            "我想check下我嘅account balance, YUE",
            // Cantonese written in Simplified characters is still Cantonese
            "我张卡唔见咗点算, YUE",
            "点解我张卡俾人拒绝咗, YUE",
            "佢哋幾點開門, YUE",
            "有冇得轉數快, YUE",
            // formal Traditional text without Cantonese words: Hong Kong customer, Cantonese
            "信用卡年費, YUE",
            // Mandarin-only words win over Traditional script
            "這個帳戶怎麼關閉, ZH",
    })
    void detects(String text, Language expected) {
        assertThat(detector.detect(text).language()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"我想check下我嘅account balance", "我想查一下account余额"})
    void flagsCodeMixedText(String text) {
        LanguageGuess g = detector.detect(text);
        assertThat(g.mixed()).isTrue();
        assertThat(g.recognised()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"😀😀", "12345", "'   '", "Здравствуйте, как открыть счёт?"})
    void textWithoutAKnownLanguageIsNotRecognised(String text) {
        assertThat(detector.detect(text).recognised()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "我張卡唔見咗, 我张卡丢失了",
            "點樣開戶口, 怎么开户口",
            "我係香港人, 我是香港人",
            "冇錢, 没有钱",
            "搵邊個, 找谁",
    })
    void normalisesCantoneseToMandarin(String cantonese, String mandarin) {
        assertThat(new ChineseNormalizer().mandarinized(cantonese)).isEqualTo(mandarin);
    }
}
