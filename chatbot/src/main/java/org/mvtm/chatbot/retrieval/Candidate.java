package org.mvtm.chatbot.retrieval;

/**
 * One FAQ ranked for a query.
 *
 * @param faqId    the FAQ
 * @param variant  the question variant that matched best
 * @param fused    the fused score used for ranking
 * @param evidence the fused score without the intent head's term: what the confidence is calibrated on, because
 *                 the head has seen every variant and would flatter the leave-one-out calibration
 * @param dense    best cosine similarity of the FAQ's variants (0 when not among the nearest)
 * @param lexical  best BM25 score of the FAQ's variants divided by the query's best BM25 score (0..1)
 */
public record Candidate(String faqId, String variant, double fused, double evidence, double dense, double lexical) {
}
