package org.mvtm.chatbot.lang;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mvtm.chatbot.api.LanguageDetector;
import org.mvtm.chatbot.api.LanguageGuess;
import org.mvtm.core.Language;

/**
 * Rule-based detection for en / zh / yue. Chinese text is Cantonese when it carries Cantonese words or characters
 * (嘅 咗 唔 冇 係 喺 嗰 啲 嚟 乜 點解 邊度 搵 俾 睇 ...) - the strongest signal - or, without such words and without
 * Mandarin-only words (什么 怎么 吗 这 们 ...), when it is written in Traditional script. Text with Chinese
 * characters and Latin words ("我想check下我嘅account balance") is Chinese, flagged as mixed. Text without either
 * (emoji, digits, other scripts) gets a low confidence.
 */
public final class ScriptLanguageDetector implements LanguageDetector {
    private static final List<String> CANTONESE_WORDS = List.of(
            "嘅", "咗", "唔", "冇", "係", "喺", "嗰", "啲", "嚟", "乜", "咩", "嘢", "佢", "哋", "噉", "㗎", "喎", "啫",
            "咋", "嘞", "囉", "吖", "攞", "揾", "搵", "俾", "畀", "睇", "啱", "諗", "谂", "冚", "嚿", "咁", "撳", "㩒",
            "點解", "点解", "點樣", "点样", "邊度", "边度", "邊個", "边个", "幾多", "几多", "而家", "宜家", "琴日", "聽日",
            "听日", "唔該", "唔该", "係咪", "系咪", "有冇", "得唔得", "點算", "点算", "屋企", "返工", "仲有", "定係");
    private static final List<String> MANDARIN_WORDS = List.of(
            "什么", "怎么", "吗", "这", "们", "没有", "为什么", "哪里", "哪儿", "那个", "这个", "咱", "怎样", "您好",
            "是否", "多少钱", "了吗", "呢？", "的话", "干什么", "不了", "还是", "么",
            "甚麼", "什麼", "怎麼", "嗎", "這", "們", "沒有", "為什麼", "哪裡", "那個", "這個", "怎樣", "還是", "麼");
    private static final Set<String> ENGLISH_WORDS = Set.of(
            "the", "a", "an", "i", "my", "me", "you", "your", "to", "is", "are", "can", "how", "what", "do", "does",
            "card", "account", "money", "bank", "and", "of", "for", "in", "on", "it", "with", "have", "has", "be",
            "why", "where", "when", "want", "need", "please", "help", "not", "this", "that", "get", "pay", "transfer",
            "hi", "hello", "thanks", "thank", "agent", "human", "person", "balance", "app", "fee", "rate", "open",
            "did", "was", "will", "would", "should", "there", "from", "at", "by", "if", "much", "many", "am", "we");

    private final ChineseNormalizer normalizer;

    public ScriptLanguageDetector(ChineseNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    @Override
    public LanguageGuess detect(String text) {
        if (text == null || text.isBlank()) {
            return new LanguageGuess(Language.EN, 0.0, false);
        }
        String t = text.length() > 4000 ? text.substring(0, 4000) : text;
        int han = 0;
        int kana = 0;
        int hangul = 0;
        int otherLetters = 0;
        StringBuilder hanText = new StringBuilder();
        StringBuilder latinText = new StringBuilder();
        for (int i = 0; i < t.length(); ) {
            int cp = t.codePointAt(i);
            i += Character.charCount(cp);
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            switch (script) {
                case HAN -> {
                    han++;
                    hanText.appendCodePoint(cp);
                }
                case LATIN -> latinText.appendCodePoint(cp);
                case HIRAGANA, KATAKANA -> kana++;
                case HANGUL -> hangul++;
                default -> {
                    if (Character.isLetter(cp)) {
                        otherLetters++;
                    }
                    latinText.append(' ');
                }
            }
        }
        String[] latinWords = latinText.toString().toLowerCase(Locale.ROOT).split("[^a-z']+");
        int words = 0;
        int english = 0;
        for (String w : latinWords) {
            if (w.length() > 0) {
                words++;
                if (ENGLISH_WORDS.contains(w)) {
                    english++;
                }
            }
        }
        if (han == 0) {
            if (words == 0) {
                return new LanguageGuess(Language.EN, 0.0, false);
            }
            if (kana + hangul + otherLetters > words) {
                return new LanguageGuess(Language.EN, 0.2, false);
            }
            // Latin text: English when it has English function words; short banking phrases count too.
            double ratio = (double) english / words;
            double confidence = words <= 2 ? 0.6 : Math.min(1.0, 0.3 + ratio * 1.5);
            return new LanguageGuess(Language.EN, confidence, false);
        }
        if (kana > 0 && kana * 3 >= han) {
            // Japanese: not served; Chinese characters make Mandarin the closest reading.
            return new LanguageGuess(Language.ZH, 0.3, words > 0);
        }
        boolean mixed = words > 0;
        if (words > 2 * han && han < 2) {
            return new LanguageGuess(Language.EN, 0.7, true);
        }
        String h = hanText.toString();
        int cantonese = count(t, CANTONESE_WORDS);
        int mandarin = count(t, MANDARIN_WORDS);
        int traditionalOnly = 0;
        int simplifiedOnly = 0;
        String simplified = normalizer.simplified(h);
        String traditional = normalizer.traditional(h);
        for (int i = 0; i < h.length() && i < simplified.length() && i < traditional.length(); i++) {
            if (simplified.charAt(i) != h.charAt(i)) {
                traditionalOnly++;
            } else if (traditional.charAt(i) != h.charAt(i)) {
                simplifiedOnly++;
            }
        }
        double yue = 3.0 * cantonese + 0.8 * traditionalOnly;
        double zh = 3.0 * mandarin + 0.8 * simplifiedOnly;
        Language lang;
        double margin;
        if (yue == zh) {
            // no signal either way (e.g. "信用卡" in both scripts): Hong Kong bank, Traditional-neutral -> Cantonese
            lang = cantonese > 0 ? Language.YUE : (traditionalOnly > 0 ? Language.YUE : Language.ZH);
            margin = 0;
        } else {
            lang = yue > zh ? Language.YUE : Language.ZH;
            margin = Math.abs(yue - zh);
        }
        double confidence = Math.min(1.0, 0.6 + 0.1 * margin);
        return new LanguageGuess(lang, confidence, mixed);
    }

    private static int count(String text, List<String> words) {
        int n = 0;
        for (String w : words) {
            int from = 0;
            while ((from = text.indexOf(w, from)) >= 0) {
                n++;
                from += w.length();
            }
        }
        return n;
    }
}
