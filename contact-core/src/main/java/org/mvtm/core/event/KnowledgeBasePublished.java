package org.mvtm.core.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An administrator published a new version of the FAQ knowledge base (new content, or an earlier version restored).
 * Every node swaps its assistant to that version.
 *
 * @param languages    the languages that changed ({@code en}, {@code zh}, {@code yue}, {@code *})
 * @param version      the new version number
 * @param by           the administrator's user name
 * @param restoredFrom the earlier version it brought back, if it was a restore
 */
public record KnowledgeBasePublished(
        Instant at, List<String> languages, long version, String by, Optional<Long> restoredFrom)
        implements ContactEvent {
    public KnowledgeBasePublished {
        Objects.requireNonNull(at, "at");
        languages = List.copyOf(languages);
        Objects.requireNonNull(by, "by");
        restoredFrom = restoredFrom == null ? Optional.empty() : restoredFrom;
    }
}
