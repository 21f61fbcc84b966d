package org.mvtm.chatbot.retrieval;

import org.mvtm.chatbot.lang.ChineseNormalizer;
import org.mvtm.chatbot.lang.CodeMixGlossary;
import org.mvtm.core.Language;

/**
 * Prepares text for a pool: English as typed; Mandarin folded to Simplified; Cantonese normalised to Mandarin
 * words and Simplified script. Knowledge-base variants and queries go through the same preparation.
 */
public final class QueryPreparer {
    private final ChineseNormalizer normalizer;

    public QueryPreparer(ChineseNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    public String prepare(String text, Language language) {
        return switch (language) {
            case EN -> text;
            // Mandarin and Cantonese share one pool; Cantonese words in "Mandarin" text are folded as well.
            case ZH, YUE -> normalizer.mandarinized(CodeMixGlossary.toChinese(text));
        };
    }
}
