package org.mvtm.chatbot.api;

import java.util.Objects;
import org.mvtm.core.Language;

/**
 * Result of language detection.
 *
 * @param language   the most likely language (English when nothing at all is recognisable)
 * @param confidence 0..1; low for text without letters or Chinese characters (emoji, digits, unknown scripts)
 * @param mixed      true when the text mixes Chinese characters and Latin words ("我想check下我嘅account")
 */
public record LanguageGuess(Language language, double confidence, boolean mixed) {
    public LanguageGuess {
        Objects.requireNonNull(language, "language");
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be within 0..1 but was " + confidence);
        }
    }

    /** True when the text carried enough signal to trust the guess. */
    public boolean recognised() {
        return confidence >= 0.5;
    }
}
