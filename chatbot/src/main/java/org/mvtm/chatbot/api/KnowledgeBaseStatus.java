package org.mvtm.chatbot.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the assistant currently answers from.
 *
 * @param faqs      number of distinct FAQ ids
 * @param questions number of question variants indexed
 * @param loadedAt  when this version was loaded (injected clock)
 * @param version   increases by one on every successful (re)load
 * @param sources   the files (or {@code classpath:kb/banking-faq.csv}) it was loaded from
 * @param lastError the message of the last failed reload, if the last attempt failed (the previous version stays
 *                  in service)
 */
public record KnowledgeBaseStatus(int faqs, int questions, Instant loadedAt, long version, List<String> sources,
                                  Optional<String> lastError) {
    public KnowledgeBaseStatus {
        sources = List.copyOf(sources);
        lastError = lastError == null ? Optional.empty() : lastError;
    }
}
