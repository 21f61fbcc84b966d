package org.mvtm.chatbot.kb;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mvtm.core.Language;
import org.mvtm.core.Product;

/**
 * One FAQ: its question variants (per language tag {@code en}, {@code zh}, {@code yue} or {@code *}), its answers
 * and the product it is about.
 */
public record Faq(String id, Optional<Product> product, List<Variant> variants, Map<String, String> answers) {
    /** One way of asking the question. */
    public record Variant(String faqId, String languageTag, String text) {
    }

    public Faq {
        variants = List.copyOf(variants);
        answers = Map.copyOf(answers);
    }

    /** The answer in the language, else the {@code *} answer, else English, else any answer. */
    public String answer(Language language) {
        String a = answers.get(language.tag());
        if (a == null) {
            a = answers.get("*");
        }
        if (a == null && language == Language.YUE) {
            a = answers.get("zh");
        }
        if (a == null && language == Language.ZH) {
            a = answers.get("yue");
        }
        if (a == null) {
            a = answers.get("en");
        }
        return a != null ? a : answers.values().iterator().next();
    }

    /** The first question variant in the language (falling back like {@link #answer}). */
    public String question(Language language) {
        for (String tag : List.of(language.tag(), "*", language == Language.EN ? "en" : language == Language.YUE ? "zh" : "yue", "en")) {
            for (Variant v : variants) {
                if (v.languageTag().equals(tag)) {
                    return v.text();
                }
            }
        }
        return variants.get(0).text();
    }
}
