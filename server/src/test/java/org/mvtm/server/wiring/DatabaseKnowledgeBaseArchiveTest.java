package org.mvtm.server.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.admin.api.AdministrationService;
import org.mvtm.admin.api.AdministrationSettings;
import org.mvtm.admin.api.Administrations;
import org.mvtm.admin.api.DatabaseSettings;
import org.mvtm.chatbot.api.KnowledgeBaseArchive;
import org.mvtm.chatbot.api.KnowledgeBaseArchives;
import org.mvtm.chatbot.api.KnowledgeBaseLanguage;
import org.mvtm.chatbot.api.KnowledgeBaseVersion;
import org.mvtm.core.event.InProcessEventBus;

/**
 * The knowledge base kept in the system of record: what the directory archive of an earlier release held is imported
 * into an empty database once, and two nodes on one database see the same versions and drafts.
 */
class DatabaseKnowledgeBaseArchiveTest {
    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    private static final String YUE = "faq_id,language,question,answer,product\nloan,yue,點樣加按？,喺App申請。,loans\n";

    @Test
    void versionsPublishedIntoTheDirectoryOfAnEarlierReleaseAreImportedOnceAndSharedByNodes(@TempDir Path dir) {
        KnowledgeBaseArchive files = KnowledgeBaseArchives.directory(dir.resolve("knowledge-base"));
        KnowledgeBaseVersion v1 = new KnowledgeBaseVersion(1, T0, "admin", List.of(KnowledgeBaseLanguage.YUE),
                Optional.empty(), 1);
        files.store(v1, Map.of(KnowledgeBaseLanguage.YUE, YUE, KnowledgeBaseLanguage.EN, "faq_id,language,question,answer,product\n"));
        files.saveDraft(KnowledgeBaseLanguage.EN, "draft");
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        AdministrationSettings settings = new AdministrationSettings(DatabaseSettings.embedded(dir.resolve("db")), "mvtm.local");
        try (AdministrationService nodeA = Administrations.open(settings, clock, new InProcessEventBus())) {
            DatabaseKnowledgeBaseArchive a = new DatabaseKnowledgeBaseArchive(nodeA.knowledgeBase());
            assertThat(a.importFrom(files)).isTrue();
            assertThat(a.importFrom(files)).as("once").isFalse();
            assertThat(a.versions()).containsExactly(v1);
            assertThat(a.sections(1).orElseThrow()).containsEntry(KnowledgeBaseLanguage.YUE, YUE);
            assertThat(a.drafts()).containsExactly(Map.entry(KnowledgeBaseLanguage.EN, "draft"));

            KnowledgeBaseVersion v2 = new KnowledgeBaseVersion(2, T0.plusSeconds(60), "root", List.of(KnowledgeBaseLanguage.EN),
                    Optional.of(0L), 70);
            a.store(v2, Map.of(KnowledgeBaseLanguage.EN, "en"));
            a.discardDrafts(List.of(KnowledgeBaseLanguage.EN));
            assertThatThrownBy(() -> a.store(v2, Map.of())).isInstanceOf(IllegalStateException.class);
        }
        try (AdministrationService nodeB = Administrations.open(settings, clock, new InProcessEventBus())) {
            DatabaseKnowledgeBaseArchive b = new DatabaseKnowledgeBaseArchive(nodeB.knowledgeBase());
            assertThat(b.versions()).extracting(KnowledgeBaseVersion::version).containsExactly(1L, 2L);
            assertThat(b.versions().get(1).restoredFrom()).contains(0L);
            assertThat(b.sections(2).orElseThrow()).containsExactly(Map.entry(KnowledgeBaseLanguage.EN, "en"));
            assertThat(b.drafts()).isEmpty();
        }
    }
}
