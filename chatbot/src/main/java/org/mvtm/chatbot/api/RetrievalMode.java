package org.mvtm.chatbot.api;

/** How the knowledge base is searched. */
public enum RetrievalMode {
    /** Per-language BM25 fused with dense sentence embeddings (the default). */
    HYBRID,
    /** Per-language BM25 only (no embedding model is loaded): the benchmark baseline. */
    BM25,
    /** Plain Lucene StandardAnalyzer BM25 over the raw text, no language analysis: the evaluation baseline. */
    PLAIN_BM25
}
