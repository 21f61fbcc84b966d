package org.mvtm.chatbot.retrieval;

/** One matching question variant: Lucene doc id, its FAQ, its text and the search's score. */
public record Hit(int doc, String faqId, String variant, float score) {
}
