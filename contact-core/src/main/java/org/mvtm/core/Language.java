package org.mvtm.core;

import java.util.Locale;

/** The languages the contact center serves, with their BCP 47 tags. */
public enum Language {
    /** English. */
    EN("en", "English"),
    /** Mandarin, written in Simplified Chinese. */
    ZH("zh", "普通话"),
    /** Cantonese, written in Traditional Chinese. */
    YUE("yue", "廣東話");

    private final String tag;
    private final String nativeName;

    Language(String tag, String nativeName) {
        this.tag = tag;
        this.nativeName = nativeName;
    }

    public String tag() {
        return tag;
    }

    public String nativeName() {
        return nativeName;
    }

    /** The routing skill that an advisor needs to speak this language, e.g. {@code lang.yue}. */
    public String skillName() {
        return "lang." + tag;
    }

    /**
     * Parses a tag such as {@code en}, {@code zh-CN}, {@code zh-Hans}, {@code yue}, {@code zh-HK}.
     *
     * @throws IllegalArgumentException naming the value and the accepted tags
     */
    public static Language fromTag(String tag) {
        if (tag == null) {
            throw new IllegalArgumentException("language must be one of en, zh, yue but was null");
        }
        String t = tag.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (t) {
            case "en", "en-us", "en-gb", "en-hk", "english" -> EN;
            case "zh", "zh-cn", "zh-hans", "zh-sg", "cmn", "mandarin" -> ZH;
            case "yue", "zh-hk", "zh-mo", "zh-hant", "zh-yue", "yue-hk", "cantonese" -> YUE;
            default -> throw new IllegalArgumentException("language must be one of en, zh, yue but was '" + tag + "'");
        };
    }
}
