package org.mvtm.admin.internal;

import static org.mvtm.admin.internal.Timestamps.at;
import static org.mvtm.admin.internal.Timestamps.time;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mvtm.admin.api.KnowledgeBaseRecords;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link KnowledgeBaseRecords} in tables {@code kb_versions}, {@code kb_sections} and {@code kb_drafts}. */
record JdbcKnowledgeBase(JdbcTemplate jdbc, TransactionTemplate tx) implements KnowledgeBaseRecords {
    @Override
    public List<Version> versions() {
        return jdbc.query("SELECT * FROM kb_versions ORDER BY version", (rs, i) -> {
            long restored = rs.getLong("restored_from");
            Optional<Long> from = rs.wasNull() ? Optional.empty() : Optional.of(restored);
            String changed = rs.getString("changed");
            return new Version(
                    rs.getLong("version"),
                    at(rs, "published_at"),
                    rs.getString("published_by"),
                    changed.isEmpty() ? List.of() : Arrays.asList(changed.split(",")),
                    from,
                    rs.getInt("faqs"));
        });
    }

    @Override
    public Optional<Map<String, String>> sections(long version) {
        Integer known =
                jdbc.queryForObject("SELECT COUNT(*) FROM kb_versions WHERE version = ?", Integer.class, version);
        if (known == null || known == 0) {
            return Optional.empty();
        }
        return Optional.of(map(jdbc.query(
                "SELECT language, csv FROM kb_sections WHERE version = ? ORDER BY language",
                (rs, i) -> Map.entry(rs.getString(1), rs.getString(2)),
                version)));
    }

    @Override
    public void store(Version v, Map<String, String> sections) {
        try {
            tx.executeWithoutResult(status -> {
                jdbc.update(
                        "INSERT INTO kb_versions (version, published_at, published_by, changed, restored_from, faqs) "
                                + "VALUES (?, ?, ?, ?, ?, ?)",
                        v.version(),
                        time(v.publishedAt()),
                        v.publishedBy(),
                        String.join(",", v.changed()),
                        v.restoredFrom().orElse(null),
                        v.faqs());
                sections.forEach((language, csv) -> jdbc.update(
                        "INSERT INTO kb_sections (version, language, csv) VALUES (?, ?, ?)",
                        v.version(),
                        language,
                        csv));
            });
        } catch (DuplicateKeyException e) {
            throw new IllegalStateException("knowledge-base version " + v.version() + " exists already", e);
        }
    }

    @Override
    public Map<String, String> drafts() {
        return map(jdbc.query(
                "SELECT language, csv FROM kb_drafts ORDER BY language",
                (rs, i) -> Map.entry(rs.getString(1), rs.getString(2))));
    }

    @Override
    public void saveDraft(String language, String csv) {
        tx.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM kb_drafts WHERE language = ?", language);
            jdbc.update("INSERT INTO kb_drafts (language, csv) VALUES (?, ?)", language, csv);
        });
    }

    @Override
    public void discardDrafts(Collection<String> languages) {
        languages.forEach(l -> jdbc.update("DELETE FROM kb_drafts WHERE language = ?", l));
    }

    private static Map<String, String> map(List<Map.Entry<String, String>> rows) {
        Map<String, String> out = new LinkedHashMap<>();
        rows.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
