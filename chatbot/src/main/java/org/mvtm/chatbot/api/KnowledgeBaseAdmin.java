package org.mvtm.chatbot.api;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The FAQ knowledge base as data an administrator manages: one CSV per language, uploaded as a draft, checked, tried
 * out, then published to the running assistant without a restart; earlier versions stay restorable.
 *
 * <p>Indexing runs on the assistant's own build thread, never on the caller's: the methods that need an index
 * return a future. A publish swaps the assistant to the new index in one step; conversations in flight go on, their
 * next turn is answered from the new version. Only one build runs at a time.
 */
public interface KnowledgeBaseAdmin {
    /** Upload limit per CSV; the web tier refuses a larger body before reading it. */
    int MAX_CSV_BYTES = 4 * 1024 * 1024;

    /** The CSV of a language in the version in service (what a download gives; uploading it back changes nothing). */
    String csv(KnowledgeBaseLanguage language);

    /** The uploaded, unpublished CSV of a language, if there is one. */
    Optional<String> draft(KnowledgeBaseLanguage language);

    /** Every problem in a CSV for a language, row by row; empty when it could be uploaded. Changes nothing. */
    List<KnowledgeBaseProblem> validate(KnowledgeBaseLanguage language, byte[] csv);

    /**
     * Keeps a valid CSV as the language's draft (replacing an earlier draft).
     *
     * @throws KnowledgeBaseRejected listing every problem; nothing is changed then
     */
    KnowledgeBaseDraft upload(KnowledgeBaseLanguage language, byte[] csv);

    /** How the candidate (the drafts over the version in service) would answer each question. */
    CompletableFuture<List<PreviewAnswer>> preview(List<String> questions);

    /**
     * Publishes the drafts as a new version and swaps the assistant to it. Publishes {@code KnowledgeBasePublished}.
     * Fails (with {@link IllegalStateException}) when there is no draft.
     */
    CompletableFuture<KnowledgeBaseVersion> publish(String by);

    /**
     * Publishes an earlier version's content again as a new version; version 0 is the shipped (or configured)
     * knowledge base. Fails with {@link java.util.NoSuchElementException} for an unknown version.
     */
    CompletableFuture<KnowledgeBaseVersion> restore(long version, String by);

    /**
     * Another node published {@code version}: loads it from the archive and swaps to it, unless this node already
     * serves it or a later one. Completes with true when it swapped.
     */
    CompletableFuture<Boolean> adopt(long version);

    /** The published versions, oldest first. */
    List<KnowledgeBaseVersion> versions();

    /** The version in service (0 before anything was published). */
    long currentVersion();
}
