package org.mvtm.chatbot.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One published version of the knowledge base (all languages together).
 *
 * @param version      1, 2, 3 ... in publishing order; 0 is the knowledge base the assistant started with (the shipped
 *                     one or the configured files) before anything was published
 * @param publishedAt  when (injected clock)
 * @param publishedBy  the administrator's user name
 * @param changed      the languages whose CSV differs from the version before
 * @param restoredFrom the earlier version whose content this one brought back, if it was a restore
 * @param faqs         number of FAQs in this version
 */
public record KnowledgeBaseVersion(long version, Instant publishedAt, String publishedBy,
                                   List<KnowledgeBaseLanguage> changed, Optional<Long> restoredFrom, int faqs) {
    public KnowledgeBaseVersion {
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(publishedBy, "publishedBy");
        changed = List.copyOf(changed);
        restoredFrom = restoredFrom == null ? Optional.empty() : restoredFrom;
        if (version < 0) {
            throw new IllegalArgumentException("version must be >= 0 but was " + version);
        }
    }
}
