package org.mvtm.chatbot.api;

import java.util.List;

/**
 * The FAQs ranked for a question, with the out-of-scope detector's verdict.
 *
 * @param matches    best first, calibrated confidences
 * @param outOfScope the cosine similarity of the question to the nearest shipped out-of-scope example minus its
 *                   similarity to the nearest question variant of the top FAQ: above 0 the question is closer to
 *                   "what's the weather" than to anything the knowledge base answers. {@code NaN} when there is no
 *                   detector (the BM25 modes, which load no model).
 */
public record Ranking(List<FaqMatch> matches, double outOfScope) {
    public Ranking {
        matches = List.copyOf(matches);
    }
}
