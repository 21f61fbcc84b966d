package org.mvtm.chatbot.retrieval;

/**
 * A question variant as indexed: its pool, the text as typed in the knowledge base, the text prepared for the
 * pool's analysis (Simplified / Mandarinized for Chinese) and its vector (null in BM25-only mode).
 */
public record IndexedVariant(String faqId, Pool pool, String original, String prepared, float[] vector) {
}
