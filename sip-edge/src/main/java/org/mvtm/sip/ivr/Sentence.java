package org.mvtm.sip.ivr;

import java.util.Objects;
import org.mvtm.core.Language;

/**
 * One thing a SIP caller hears, written in each language the edge speaks: Cantonese (Traditional), Mandarin
 * (Simplified) and English.
 */
public record Sentence(String yue, String zh, String en) {
    public Sentence {
        Objects.requireNonNull(yue, "yue");
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    /** The sentence in {@code language}. */
    public String in(Language language) {
        return switch (language) {
            case YUE -> yue;
            case ZH -> zh;
            case EN -> en;
        };
    }
}
