package org.mvtm.chatbot.api;

import java.util.Locale;
import java.util.Optional;
import org.mvtm.core.Language;

/**
 * One part of the knowledge base that an administrator uploads and downloads as its own CSV file: the rows of one
 * {@code language} column value. {@link #ANY} holds the {@code *} rows (indexed for every language).
 */
public enum KnowledgeBaseLanguage {
    EN("en"), ZH("zh"), YUE("yue"), ANY("*");

    private final String tag;

    KnowledgeBaseLanguage(String tag) {
        this.tag = tag;
    }

    /** The value of the CSV's {@code language} column. */
    public String tag() {
        return tag;
    }

    /** The name used in URLs and file names: {@code en}, {@code zh}, {@code yue}, {@code any}. */
    public String pathName() {
        return this == ANY ? "any" : tag;
    }

    /** The CSV column value, or empty when the tag is not one of the four. */
    public static Optional<KnowledgeBaseLanguage> ofTag(String tag) {
        for (KnowledgeBaseLanguage l : values()) {
            if (l.tag.equals(tag)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /**
     * Parses {@code en}, {@code zh}, {@code yue}, BCP 47 forms such as {@code zh-Hans} (Mandarin) and {@code zh-Hant}
     * or {@code zh-HK} (Cantonese), and {@code any} or {@code *}.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static KnowledgeBaseLanguage parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("*") || v.equals("any")) {
            return ANY;
        }
        try {
            return switch (Language.fromTag(v)) {
                case EN -> EN;
                case ZH -> ZH;
                case YUE -> YUE;
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("language must be en, zh (zh-Hans, Mandarin), yue (zh-Hant, Cantonese)"
                    + " or any but was '" + value + "'");
        }
    }
}
