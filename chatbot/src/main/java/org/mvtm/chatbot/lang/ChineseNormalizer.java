package org.mvtm.chatbot.lang;

import com.ibm.icu.text.Transliterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Folds Chinese text to one searchable form: Cantonese colloquial words to their Mandarin equivalents
 * (嘅→的, 唔→不, 係→是, 冇→没有, 咗→了, 點樣→怎么, 搵→找, 俾→给, 睇→看 ...), then Traditional to Simplified script
 * (ICU transliterator {@code Traditional-Simplified}), and drops Cantonese sentence particles. Thread-safe.
 */
public final class ChineseNormalizer {
    /**
     * Cantonese → Mandarin, longest first. Keys are given in Traditional; the Simplified spelling is added
     * automatically (except where the Simplified form is an ordinary Mandarin word, e.g. 系 in 系统).
     */
    private static final String[][] COLLOQUIAL = {
            {"點解", "为什么"}, {"點樣", "怎么"}, {"點先", "怎样才"}, {"點算", "怎么办"}, {"邊度", "哪里"}, {"邊處", "哪里"},
            {"邊個", "谁"}, {"邊間", "哪家"}, {"邊張", "哪张"}, {"乜嘢", "什么"}, {"咩嘢", "什么"}, {"係咪", "是不是"},
            {"係唔係", "是不是"}, {"有冇", "有没有"}, {"可唔可以", "可不可以"}, {"得唔得", "行不行"}, {"使唔使", "要不要"},
            {"需唔需要", "需不需要"}, {"識唔識", "会不会"}, {"會唔會", "会不会"}, {"幾多", "多少"}, {"幾耐", "多久"},
            {"幾時", "什么时候"}, {"而家", "现在"}, {"宜家", "现在"}, {"琴日", "昨天"}, {"尋日", "昨天"}, {"聽日", "明天"},
            {"今日", "今天"}, {"唔該", "请"}, {"唔見", "丢失"}, {"跌咗", "丢了"}, {"屋企", "家"}, {"佢哋", "他们"},
            {"我哋", "我们"}, {"你哋", "你们"}, {"呢個", "这个"}, {"嗰個", "那个"}, {"呢張", "这张"}, {"嗰張", "那张"},
            {"呢度", "这里"}, {"嗰度", "那里"}, {"啲", "些"}, {"嘅", "的"}, {"咗", "了"}, {"唔", "不"}, {"冇", "没有"},
            {"係", "是"}, {"喺", "在"}, {"嚟", "来"}, {"搵", "找"}, {"揾", "找"}, {"俾", "给"}, {"畀", "给"},
            {"睇", "看"}, {"攞", "拿"}, {"咩", "什么"}, {"乜", "什么"}, {"佢", "他"}, {"嘢", "东西"}, {"噉", "这样"},
            {"咁", "这么"}, {"嗰", "那"}, {"諗", "想"}, {"啱", "对"}, {"仲", "还"},
            {"俾錢", "付钱"}, {"埋單", "结账"}, {"撳", "按"}, {"㩒", "按"}, {"揸", "拿"}, {"瞓", "睡"},
    };
    private static final String PARTICLES = "㗎喎啫咋嘞喇囉啰咯吖呀啊啦嘛㗎呢";

    private static final Map<String, String> REPLACEMENTS = buildReplacements();
    private static final int MAX_KEY = REPLACEMENTS.keySet().stream().mapToInt(String::length).max().orElse(1);

    private final ThreadLocal<Transliterator> toSimplified =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Traditional-Simplified"));
    private final ThreadLocal<Transliterator> toTraditional =
            ThreadLocal.withInitial(() -> Transliterator.getInstance("Simplified-Traditional"));

    private static Map<String, String> buildReplacements() {
        Transliterator t2s = Transliterator.getInstance("Traditional-Simplified");
        Map<String, String> m = new LinkedHashMap<>();
        for (String[] kv : COLLOQUIAL) {
            m.put(kv[0], kv[1]);
        }
        for (String[] kv : COLLOQUIAL) {
            String simplified = t2s.transliterate(kv[0]);
            if (!simplified.equals(kv[0]) && !simplified.equals("系") && !m.containsKey(simplified)) {
                m.put(simplified, kv[1]);
            }
        }
        return Map.copyOf(m);
    }

    /** Traditional → Simplified only (for Mandarin text). */
    public String simplified(String text) {
        return toSimplified.get().transliterate(text);
    }

    /** Simplified → Traditional (used by detection to tell the scripts apart). */
    public String traditional(String text) {
        return toTraditional.get().transliterate(text);
    }

    /** Cantonese colloquial → Mandarin, then Traditional → Simplified, particles dropped. */
    public String mandarinized(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        outer:
        while (i < text.length()) {
            for (int len = Math.min(MAX_KEY, text.length() - i); len >= 1; len--) {
                String r = REPLACEMENTS.get(text.substring(i, i + len));
                if (r != null) {
                    out.append(r);
                    i += len;
                    continue outer;
                }
            }
            char c = text.charAt(i++);
            if (PARTICLES.indexOf(c) < 0) {
                out.append(c);
            } else {
                out.append(' ');
            }
        }
        return simplified(out.toString());
    }
}
