package org.mvtm.server.wiring;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mvtm.admin.api.KnowledgeBaseRecords;
import org.mvtm.chatbot.api.KnowledgeBaseArchive;
import org.mvtm.chatbot.api.KnowledgeBaseLanguage;
import org.mvtm.chatbot.api.KnowledgeBaseVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assistant's knowledge-base archive in the system of record: every node of a cluster sharing the database sees
 * the same versions and drafts, with no shared directory. {@link #importFrom} brings the versions of a directory
 * archive (what earlier releases kept) into an empty database once.
 */
final class DatabaseKnowledgeBaseArchive implements KnowledgeBaseArchive {
    private static final Logger log = LoggerFactory.getLogger(DatabaseKnowledgeBaseArchive.class);
    private final KnowledgeBaseRecords records;

    DatabaseKnowledgeBaseArchive(KnowledgeBaseRecords records) {
        this.records = records;
    }

    @Override
    public List<KnowledgeBaseVersion> versions() {
        return records.versions().stream().map(v -> new KnowledgeBaseVersion(v.version(), v.publishedAt(),
                v.publishedBy(), v.changed().stream().map(DatabaseKnowledgeBaseArchive::language).flatMap(Optional::stream)
                .toList(), v.restoredFrom(), v.faqs())).toList();
    }

    @Override
    public Optional<Map<KnowledgeBaseLanguage, String>> sections(long version) {
        return records.sections(version).map(DatabaseKnowledgeBaseArchive::byLanguage);
    }

    @Override
    public void store(KnowledgeBaseVersion v, Map<KnowledgeBaseLanguage, String> sections) {
        records.store(new KnowledgeBaseRecords.Version(v.version(), v.publishedAt(), v.publishedBy(),
                v.changed().stream().map(KnowledgeBaseLanguage::pathName).toList(), v.restoredFrom(), v.faqs()),
                byName(sections));
    }

    @Override
    public Map<KnowledgeBaseLanguage, String> drafts() {
        return byLanguage(records.drafts());
    }

    @Override
    public void saveDraft(KnowledgeBaseLanguage language, String csv) {
        records.saveDraft(language.pathName(), csv);
    }

    @Override
    public void discardDrafts(Collection<KnowledgeBaseLanguage> languages) {
        records.discardDrafts(languages.stream().map(KnowledgeBaseLanguage::pathName).toList());
    }

    /** Copies every version and draft of {@code files} when the database holds no version yet; true if it did. */
    boolean importFrom(KnowledgeBaseArchive files) {
        if (!records.versions().isEmpty()) {
            return false;
        }
        List<KnowledgeBaseVersion> versions = files.versions();
        for (KnowledgeBaseVersion v : versions) {
            try {
                files.sections(v.version()).ifPresent(s -> store(v, s));
            } catch (IllegalStateException importedByAnotherNode) {
                log.info("knowledge-base version {} was imported by another node", v.version());
            }
        }
        files.drafts().forEach(this::saveDraft);
        if (!versions.isEmpty()) {
            log.info("knowledge base: {} published versions imported from the directory archive into the database",
                    versions.size());
        }
        return !versions.isEmpty();
    }

    private static Optional<KnowledgeBaseLanguage> language(String pathName) {
        for (KnowledgeBaseLanguage l : KnowledgeBaseLanguage.values()) {
            if (l.pathName().equals(pathName)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    private static Map<KnowledgeBaseLanguage, String> byLanguage(Map<String, String> byName) {
        Map<KnowledgeBaseLanguage, String> out = new EnumMap<>(KnowledgeBaseLanguage.class);
        byName.forEach((name, csv) -> language(name).ifPresent(l -> out.put(l, csv)));
        return out;
    }

    private static Map<String, String> byName(Map<KnowledgeBaseLanguage, String> byLanguage) {
        Map<String, String> out = new LinkedHashMap<>();
        byLanguage.forEach((l, csv) -> out.put(l.pathName(), csv));
        return out;
    }
}
