package org.mvtm.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Region;
import org.mvtm.core.id.RecordingId;
import org.mvtm.recording.api.AccessDeniedException;
import org.mvtm.recording.api.AuditAction;
import org.mvtm.recording.api.AuditEntry;
import org.mvtm.recording.api.AuditQuery;
import org.mvtm.recording.api.AuditVerification;
import org.mvtm.recording.api.RecordingQuery;
import org.mvtm.recording.api.Role;
import org.mvtm.recording.api.Viewer;

/** Must show: another region's compliance user or an advisor is denied search, media and export; all audited. */
class AccessControlTest extends WithFreshStore {
    RecordingId hkRecording;

    final Viewer hkCompliance = StoreFixture.compliance(Region.HK);
    final Viewer szCompliance = new Viewer("sam", Set.of(Role.COMPLIANCE), Set.of(Region.SZ), "audit sample");
    final Viewer hkAdvisor = new Viewer("adv-li", Set.of(Role.ADVISOR), Set.of(Region.HK), "curious");

    @BeforeEach
    void record() {
        hkRecording = f.sealedHk(1.5);
    }

    @Test
    void complianceUserOfAnotherRegionIsDeniedSearchMediaAndExportAndEachAttemptIsAudited() {
        assertThatThrownBy(() -> f.store.search(szCompliance, RecordingQuery.builder().region(Region.HK).build()))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("not region HK");
        assertThat(f.store.search(szCompliance, RecordingQuery.all())).as("own regions only").isEmpty();
        assertThatThrownBy(() -> f.store.media(szCompliance, hkRecording, "customer"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.store.exportPackage(szCompliance, hkRecording, "regulator request"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.store.timeline(szCompliance, hkRecording))
                .isInstanceOf(AccessDeniedException.class);

        Viewer bothRegions = new Viewer("connie", Set.of(Role.COMPLIANCE), Set.of(Region.HK, Region.SZ), "audit review");
        List<AuditEntry> bySam = f.store.audit(bothRegions, new AuditQuery(java.util.Optional.empty(),
                java.util.Optional.of("sam"), java.util.Optional.empty(), java.util.Optional.empty(), 100));
        assertThat(bySam).extracting(AuditEntry::action, AuditEntry::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AuditAction.SEARCH, AuditEntry.Outcome.DENIED),
                org.assertj.core.groups.Tuple.tuple(AuditAction.SEARCH, AuditEntry.Outcome.ALLOWED),
                org.assertj.core.groups.Tuple.tuple(AuditAction.REPLAY, AuditEntry.Outcome.DENIED),
                org.assertj.core.groups.Tuple.tuple(AuditAction.EXPORT, AuditEntry.Outcome.DENIED),
                org.assertj.core.groups.Tuple.tuple(AuditAction.TIMELINE, AuditEntry.Outcome.DENIED));
        assertThat(bySam.get(2).recording()).contains(hkRecording.value());
        assertThat(bySam.get(2).detail()).contains("granted [SZ]", "purpose=audit sample");
    }

    @Test
    void anOfficerReadsOnlyTheAuditOfTheirOwnRegionsAndARefusalDoesNotNameTheRecordingsRegion() {
        Viewer connie = new Viewer("connie", Set.of(Role.COMPLIANCE), Set.of(Region.HK), "complaint HK-2026-114");
        Viewer shen = new Viewer("shen", Set.of(Role.COMPLIANCE), Set.of(Region.SZ), "audit sample SZ-7");
        f.store.describe(connie, hkRecording);
        f.store.search(connie, RecordingQuery.builder().customer("cust-mary-chan").text("信用卡").build());

        assertThatThrownBy(() -> f.store.timeline(shen, hkRecording)).isInstanceOf(AccessDeniedException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("HK"));
        List<AuditEntry> seenByShen = f.store.audit(shen, AuditQuery.all());
        assertThat(seenByShen).extracting(AuditEntry::userId).doesNotContain("connie");
        assertThat(seenByShen).extracting(AuditEntry::detail)
                .noneMatch(d -> d.contains("complaint HK-2026-114") || d.contains("cust-mary-chan"));
        assertThat(seenByShen).noneMatch(e -> e.recording().filter(hkRecording.value()::equals).isPresent());

        List<AuditEntry> seenByConnie = f.store.audit(connie, AuditQuery.all());
        assertThat(seenByConnie).filteredOn(e -> e.userId().equals("connie")).extracting(AuditEntry::action)
                .contains(AuditAction.DESCRIBE, AuditAction.SEARCH);
        assertThat(seenByConnie).as("shen's refused attempt on the HK recording is HK's business")
                .anySatisfy(e -> {
                    assertThat(e.userId()).isEqualTo("shen");
                    assertThat(e.action()).isEqualTo(AuditAction.TIMELINE);
                    assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.DENIED);
                });
        assertThat(f.store.verifyAudit().ok()).isTrue();
    }

    @Test
    void advisorRoleIsDeniedEvenInItsOwnRegionAndAudited() {
        assertThatThrownBy(() -> f.store.search(hkAdvisor, RecordingQuery.all()))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("lacks role COMPLIANCE");
        assertThatThrownBy(() -> f.store.media(hkAdvisor, hkRecording, "customer"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.store.exportPackage(hkAdvisor, hkRecording, "curiosity"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.store.audit(hkAdvisor, AuditQuery.all()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(f.store.audit(hkCompliance, AuditQuery.all()))
                .filteredOn(e -> e.userId().equals("adv-li"))
                .extracting(AuditEntry::outcome).containsOnly(AuditEntry.Outcome.DENIED).hasSize(4);
    }

    @Test
    void allowedReplayAndExportAreAuditedWithTheirPurposeAndPackageHash() throws Exception {
        var media = f.store.media(hkCompliance, hkRecording, "customer");
        assertThat(media.contentType()).isEqualTo("audio/webm");
        var pkg = f.store.exportPackage(hkCompliance, hkRecording, "regulator request R-7");
        assertThat(Files.size(pkg.path())).isEqualTo(pkg.size());
        try (var zip = new java.util.zip.ZipFile(pkg.path().toFile())) {
            assertThat(zip.stream().map(java.util.zip.ZipEntry::getName).toList()).contains("media/customer.webm",
                    "media/advisor.webm", "timeline.json", "manifest.json", "signing-public-key.pem",
                    "verification.json", "README.txt");
        }
        List<AuditEntry> entries = f.store.audit(hkCompliance, AuditQuery.forRecording(hkRecording.value()));
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.EXPORT);
            assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.ALLOWED);
            assertThat(e.detail()).contains("regulator request R-7", pkg.sha256(), "purpose=complaint review");
        });
        assertThat(entries).anySatisfy(e -> assertThat(e.action()).isEqualTo(AuditAction.REPLAY));
    }

    @Test
    void searchAndAuditReadsAreAuditedWithTheCriteriaAsAPersonWroteThem() {
        f.store.search(hkCompliance, RecordingQuery.builder().customer("chan").region(Region.HK).text("信用卡").build());
        f.store.audit(hkCompliance, AuditQuery.forRecording(hkRecording.value()));
        List<AuditEntry> entries = f.store.audit(hkCompliance, AuditQuery.all());
        assertThat(entries).filteredOn(e -> e.action() == AuditAction.SEARCH).extracting(AuditEntry::detail)
                .anySatisfy(d -> assertThat(d).startsWith("purpose=" + hkCompliance.purpose() + "; customer=chan, region=HK, text=keyed:")
                        .contains(", limit=100; results=").doesNotContain("信用卡")) // search words only as a keyed hash
                .noneMatch(d -> d.contains("Optional[") || d.contains("RecordingQuery["));
        assertThat(entries).filteredOn(e -> e.action() == AuditAction.READ_AUDIT).extracting(AuditEntry::detail)
                .anySatisfy(d -> assertThat(d).startsWith("purpose=" + hkCompliance.purpose() + "; recording=" + hkRecording.value() + ", limit=10000; entries="))
                .noneMatch(d -> d.contains("Optional[") || d.contains("AuditQuery["));
    }

    @Test
    void auditLogChainVerifiesSurvivesRestartAndDetectsAnEditedEntry() throws Exception {
        assertThatThrownBy(() -> f.store.media(szCompliance, hkRecording, "customer"));
        f.store.describe(hkCompliance, hkRecording);
        f.reopen();
        f.store.describe(hkCompliance, hkRecording);
        AuditVerification ok = f.store.verifyAudit();
        assertThat(ok.ok()).as(ok.reason()).isTrue();
        assertThat(ok.entries()).isEqualTo(3);

        Path log = f.config.dataDir().resolve("audit/audit.jsonl");
        Files.writeString(log, Files.readString(log).replaceFirst("\"outcome\":\"DENIED\"", "\"outcome\":\"ALLOWED\""));
        AuditVerification bad = f.store.verifyAudit();
        assertThat(bad.ok()).isFalse();
        assertThat(bad.firstBadSequence()).contains(0L);
        assertThat(bad.reason()).contains("audit entry 0 was altered");
    }

    @Test
    void deletingAnAuditLineIsDetectedAsABrokenLink() throws Exception {
        f.store.describe(hkCompliance, hkRecording);
        f.store.describe(hkCompliance, hkRecording);
        f.store.describe(hkCompliance, hkRecording);
        Path log = f.config.dataDir().resolve("audit/audit.jsonl");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(log));
        lines.remove(1);
        Files.write(log, lines);
        AuditVerification bad = f.store.verifyAudit();
        assertThat(bad.ok()).isFalse();
        assertThat(bad.reason()).contains("audit entry 1 is missing");
    }

    @Test
    void cuttingEntriesOffTheEndOfTheAuditLogIsDetectedAfterARestartByItsSignedHead() throws Exception {
        f.store.describe(hkCompliance, hkRecording);
        Path log = f.config.dataDir().resolve("audit/audit.jsonl");
        List<String> consistentPrefix = Files.readAllLines(log);
        f.store.exportPackage(hkCompliance, hkRecording, "quiet export");
        f.store.close();
        Files.write(log, consistentPrefix); // the export's entry is gone, the remaining chain is intact

        f.store = org.mvtm.recording.api.RecordingStores.open(f.config, f.clock, f.bus);
        AuditVerification v = f.store.verifyAudit();
        assertThat(v.ok()).isFalse();
        assertThat(v.reason()).contains("does not end at its signed head");
    }
}
