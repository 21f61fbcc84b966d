package org.mvtm.chatbot.api;

import java.util.Objects;

/**
 * One ranked FAQ for a query.
 *
 * @param faqId      the FAQ id from the knowledge base
 * @param question   the FAQ's question variant that matched best
 * @param score      the retriever's raw fused score (comparable only within one query)
 * @param confidence calibrated 0..1 probability that this FAQ is the right one
 */
public record FaqMatch(String faqId, String question, double score, double confidence) {
    public FaqMatch {
        Objects.requireNonNull(faqId, "faqId");
        Objects.requireNonNull(question, "question");
    }
}
