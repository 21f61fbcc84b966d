package org.mvtm.admin.api;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The FAQ knowledge base's published versions (the CSV of each language, written once) and the drafts not yet
 * published, in the system of record: every node of a cluster sees the same versions. Languages are the CSV files'
 * names ({@code en}, {@code zh}, {@code yue}, {@code any}). Thread-safe.
 */
public interface KnowledgeBaseRecords {

    /** One published version; {@code changed} lists the languages that differ from the version before. */
    record Version(
            long version,
            Instant publishedAt,
            String publishedBy,
            List<String> changed,
            Optional<Long> restoredFrom,
            int faqs) {}

    /** Every stored version, oldest first. */
    List<Version> versions();

    /** The CSV of each language of a version. */
    Optional<Map<String, String>> sections(long version);

    /**
     * Stores a version and its sections in one transaction.
     *
     * @throws IllegalStateException if that version number is taken (another node published first); nothing is stored
     */
    void store(Version version, Map<String, String> sections);

    Map<String, String> drafts();

    void saveDraft(String language, String csv);

    void discardDrafts(Collection<String> languages);
}
