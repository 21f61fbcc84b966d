package org.mvtm.chatbot.retrieval;

/**
 * How the evidence is combined per FAQ: {@code fused = dense + lexicalWeight * lexical + headWeight * head}, where
 * {@code dense = max cosine + secondWeight * second-best cosine of the same FAQ + centroidWeight * cosine to the
 * FAQ's prototype (normalised mean of its variants)}, {@code lexical = BM25 / max BM25 of the query} and
 * {@code head} is the {@link IntentHead}'s score. Values were chosen on BANKING77's training rows that the
 * evaluation never uses (rows 11-20 of each intent) and on the shipped knowledge base (leave-one-out).
 */
public record Fusion(double lexicalWeight, double secondWeight, double centroidWeight, double headWeight, int depth) {
    public static final Fusion DEFAULT = new Fusion(0.10, 0.5, 2.0, 0.3, 64);
}
