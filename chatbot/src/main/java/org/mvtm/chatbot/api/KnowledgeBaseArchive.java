package org.mvtm.chatbot.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where published knowledge-base versions and the administrator's not yet published uploads (drafts) are kept. A
 * version is stored once and never changed. Implementations: {@link KnowledgeBaseArchives#directory} (files under
 * the data directory); a database may hold them instead. Every node of a cluster must see the same archive.
 */
public interface KnowledgeBaseArchive {
    /** Every stored version, oldest first. */
    List<KnowledgeBaseVersion> versions();

    /** The CSV text of each language of a stored version. */
    Optional<Map<KnowledgeBaseLanguage, String>> sections(long version);

    /**
     * Stores a new version with the CSV text of every language.
     *
     * @throws IllegalStateException if that version number is taken (another node published first); nothing is
     *                               stored then
     */
    void store(KnowledgeBaseVersion version, Map<KnowledgeBaseLanguage, String> sections);

    /** The uploaded, not yet published CSV per language. */
    Map<KnowledgeBaseLanguage, String> drafts();

    void saveDraft(KnowledgeBaseLanguage language, String csv);

    /** Drops the drafts of these languages (after they were published). */
    void discardDrafts(Collection<KnowledgeBaseLanguage> languages);
}
