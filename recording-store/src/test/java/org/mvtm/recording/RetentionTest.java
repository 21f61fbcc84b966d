package org.mvtm.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.core.Channel;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.id.QueueId;
import org.mvtm.recording.api.AccessDeniedException;
import org.mvtm.recording.api.ActiveRecording;
import org.mvtm.recording.api.AuditAction;
import org.mvtm.recording.api.AuditQuery;
import org.mvtm.recording.api.LegalHoldException;
import org.mvtm.recording.api.RecordingNotFoundException;
import org.mvtm.recording.api.RecordingStores;
import org.mvtm.recording.api.RetentionPolicy;
import org.mvtm.recording.api.RetentionReport;
import org.mvtm.recording.api.Role;
import org.mvtm.recording.api.Viewer;

class RetentionTest {
    @TempDir
    Path tmp;
    StoreFixture f;
    final Viewer hk = StoreFixture.compliance(Region.HK, Region.MO);
    final Viewer admin = new Viewer("root-admin", Set.of(Role.ADMIN), Set.of(Region.HK), "erasure request E-1");

    @BeforeEach
    void open() {
        f = new StoreFixture(tmp);
        f.store.close();
        f.config = f.config.withRetention(new RetentionPolicy(Duration.ofDays(7 * 366), java.util.Map.of(),
                java.util.Map.of()).withRegion(Region.MO, Duration.ofDays(30))
                .withQueue(QueueId.of("short"), Duration.ofDays(1)));
        f.store = RecordingStores.open(f.config, f.clock, f.bus);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private ActiveRecording record(Region region, String queue) {
        var md = StoreFixture.metadata(region, "Ann Ho", Channel.VOICE, Language.YUE);
        md = new org.mvtm.recording.api.RecordingMetadata(md.interaction(), md.conversation(), md.channel(),
                md.customer(), md.customerName(), md.advisor(), md.advisorName(), QueueId.of(queue), region,
                md.language(), md.startedAt());
        ActiveRecording r = f.store.start(md);
        StoreFixture.feedAudio(r, 1.2);
        r.seal();
        return r;
    }

    @Test
    void retentionFollowsQueueThenRegionThenDefaultAndPurgeIsAuditedPerDeletion() {
        ActiveRecording shortQueue = record(Region.HK, "short");
        ActiveRecording macau = record(Region.MO, "cards");
        ActiveRecording hongKong = record(Region.HK, "cards");

        assertThat(f.store.describe(hk, shortQueue.id()).retainUntil()).contains(f.clock.instant().plus(Duration.ofDays(1)));
        RetentionReport r = f.store.applyRetention(f.clock.instant().plus(Duration.ofDays(31)));
        assertThat(r.deleted()).containsExactlyInAnyOrder(shortQueue.id(), macau.id());
        assertThat(f.store.describe(hk, hongKong.id())).isNotNull();
        assertThatThrownBy(() -> f.store.describe(hk, macau.id())).isInstanceOf(RecordingNotFoundException.class);
        assertThat(Files.exists(f.recordingDir(macau.id().value()))).isFalse();
        assertThat(f.store.audit(hk, AuditQuery.all())).filteredOn(e -> e.action() == AuditAction.RETENTION_DELETE)
                .extracting(e -> e.recording().orElseThrow())
                .containsExactlyInAnyOrder(shortQueue.id().value(), macau.id().value());
        assertThat(f.store.verifyAudit().ok()).isTrue();
    }

    @Test
    void legalHoldBlocksRetentionAndDeletionUntilReleased() {
        ActiveRecording rec = record(Region.HK, "short");
        f.store.legalHold(hk, rec.id(), true, "litigation L-9");
        RetentionReport report = f.store.applyRetention(f.clock.instant().plus(Duration.ofDays(400)));
        assertThat(report.deleted()).isEmpty();
        assertThat(report.keptOnLegalHold()).containsExactly(rec.id());
        assertThatThrownBy(() -> f.store.delete(admin, rec.id(), "erasure")).isInstanceOf(LegalHoldException.class);
        assertThat(f.store.describe(hk, rec.id()).legalHold()).isTrue();

        f.store.legalHold(hk, rec.id(), false, "litigation closed");
        assertThat(f.store.applyRetention(f.clock.instant().plus(Duration.ofDays(400))).deleted())
                .containsExactly(rec.id());
    }

    @Test
    void deleteNeedsAdminAndDestroysTheDataKey() throws Exception {
        ActiveRecording rec = record(Region.HK, "cards");
        Path dir = f.recordingDir(rec.id().value());
        assertThat(dir.resolve("datakey.json")).exists();
        assertThatThrownBy(() -> f.store.delete(hk, rec.id(), "no")).isInstanceOf(AccessDeniedException.class);
        f.store.delete(admin, rec.id(), "customer erasure request");
        assertThat(dir).doesNotExist();
        assertThatThrownBy(() -> f.store.describe(hk, rec.id())).isInstanceOf(RecordingNotFoundException.class);
        assertThat(f.store.audit(hk, AuditQuery.forRecording(rec.id().value())))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo(AuditAction.DELETE));
    }

    @Test
    void keyRotationRewrapsDataKeysAndOldRecordingsStillPlay() {
        ActiveRecording old = record(Region.HK, "cards");
        var rotated = f.keys.withNewMasterKey("m2");
        f.store.close();
        f.config = f.config.withKeys(rotated);
        f.store = RecordingStores.open(f.config, f.clock, f.bus);
        ActiveRecording fresh = record(Region.HK, "cards");
        assertThat(f.store.describe(hk, fresh.id()).masterKeyId()).isEqualTo("m2");
        assertThat(f.store.describe(hk, old.id()).masterKeyId()).isEqualTo("m1");

        assertThat(f.store.rewrapDataKeys("m2")).isEqualTo(1);
        f.store.close();
        f.config = f.config.withKeys(rotated.withoutMasterKey("m1"));
        f.store = RecordingStores.open(f.config, f.clock, f.bus);
        assertThat(f.store.describe(hk, old.id()).masterKeyId()).isEqualTo("m2");
        assertThat(f.store.timeline(hk, old.id())).isNotEmpty();
        assertThat(f.store.media(hk, old.id(), "customer").size()).isPositive();
    }
}
