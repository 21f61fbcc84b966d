package org.mvtm.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Channel;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.id.QueueId;
import org.mvtm.recording.api.AccessDeniedException;
import org.mvtm.recording.api.ActiveRecording;
import org.mvtm.recording.api.AuditAction;
import org.mvtm.recording.api.AuditEntry;
import org.mvtm.recording.api.AuditQuery;
import org.mvtm.recording.api.DeletionNotRequestedException;
import org.mvtm.recording.api.LegalHoldException;
import org.mvtm.recording.api.RecordingNotFoundException;
import org.mvtm.recording.api.RecordingStores;
import org.mvtm.recording.api.RetentionPolicy;
import org.mvtm.recording.api.RetentionReport;
import org.mvtm.recording.api.Role;
import org.mvtm.recording.api.Viewer;

class RetentionTest extends WithFreshStore {
    final Viewer hk = StoreFixture.compliance(Region.HK, Region.MO);
    final Viewer admin = new Viewer("root-admin", Set.of(Role.ADMIN), Set.of(Region.HK), "erasure request E-1");
    final Viewer secondOfficer = new Viewer("dora", Set.of(Role.COMPLIANCE), Set.of(Region.HK), "erasure request E-1");

    @BeforeEach
    void open() {
        f.store.close();
        f.config = f.config.withRetention(new RetentionPolicy(Duration.ofDays(7 * 366), java.util.Map.of(),
                java.util.Map.of()).withRegion(Region.MO, Duration.ofDays(30))
                .withQueue(QueueId.of("short"), Duration.ofDays(1)));
        f.store = RecordingStores.open(f.config, f.clock, f.bus);
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
    void legalHoldSurvivesTheRetentionPurgeAndADeletionNeedsASecondOfficerWhoseApprovalDestroysTheKey() throws Exception {
        ActiveRecording held = record(Region.HK, "cards");
        ActiveRecording erased = record(Region.HK, "cards");
        f.store.legalHold(hk, held.id(), true, "litigation L-9");
        f.clock.advance(Duration.ofDays(7 * 366 + 1)); // past the seven years of queue "cards" in HK

        RetentionReport purge = f.store.applyRetention(f.clock.instant());
        assertThat(purge.keptOnLegalHold()).containsExactly(held.id());
        assertThat(purge.deleted()).containsExactly(erased.id());
        assertThat(f.store.timeline(hk, held.id())).isNotEmpty();
        assertThatThrownBy(() -> f.store.requestDeletion(hk, held.id(), "customer erasure request E-1"))
                .isInstanceOf(LegalHoldException.class);

        f.store.legalHold(hk, held.id(), false, "litigation L-9 closed");
        Path dir = f.recordingDir(held.id().value());
        assertThat(dir.resolve("datakey.json")).exists();
        f.store.requestDeletion(hk, held.id(), "customer erasure request E-1");
        assertThat(f.store.describe(hk, held.id()).deletionRequest()).hasValueSatisfying(r -> {
            assertThat(r.requestedBy()).isEqualTo(hk.userId());
            assertThat(r.reason()).isEqualTo("customer erasure request E-1");
        });
        assertThat(dir.resolve("datakey.json")).as("nothing is deleted on one officer's word").exists();

        f.store.approveDeletion(secondOfficer, held.id(), "checked E-1 against the erasure policy");
        assertThat(dir).doesNotExist();
        assertThat(dir.resolve("datakey.json")).doesNotExist();
        assertThatThrownBy(() -> f.store.describe(hk, held.id())).isInstanceOf(RecordingNotFoundException.class);
        assertThat(f.store.search(hk, org.mvtm.recording.api.RecordingQuery.all())).isEmpty();
        assertThat(f.store.audit(hk, AuditQuery.forRecording(held.id().value())))
                .filteredOn(e -> e.outcome() == AuditEntry.Outcome.ALLOWED)
                .extracting(AuditEntry::action, AuditEntry::userId).containsSubsequence(
                        tuple(AuditAction.LEGAL_HOLD, hk.userId()),
                        tuple(AuditAction.RELEASE_HOLD, hk.userId()),
                        tuple(AuditAction.DELETE_REQUEST, hk.userId()),
                        tuple(AuditAction.DELETE, secondOfficer.userId()));
        assertThat(f.store.audit(hk, AuditQuery.forRecording(held.id().value())))
                .filteredOn(e -> e.action() == AuditAction.DELETE).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("requested by carol", "customer erasure request E-1",
                        "checked E-1", "data key destroyed"));
        assertThat(f.store.verifyAudit().ok()).isTrue();
    }

    @Test
    void aSingleOfficerCannotDeleteNorApproveTheirOwnRequest() {
        ActiveRecording rec = record(Region.HK, "cards");
        Path dir = f.recordingDir(rec.id().value());
        assertThatThrownBy(() -> f.store.approveDeletion(hk, rec.id(), "just delete it"))
                .isInstanceOf(DeletionNotRequestedException.class);
        f.store.requestDeletion(hk, rec.id(), "customer erasure request E-2");
        assertThatThrownBy(() -> f.store.approveDeletion(hk, rec.id(), "approving my own request"))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("four eyes");
        Viewer macauOnly = new Viewer("mo-officer", Set.of(Role.COMPLIANCE), Set.of(Region.MO), "erasure E-2");
        assertThatThrownBy(() -> f.store.approveDeletion(macauOnly, rec.id(), "not my region"))
                .isInstanceOf(AccessDeniedException.class);
        Viewer advisor = new Viewer("adv-li", Set.of(Role.ADVISOR), Set.of(Region.HK), "erasure E-2");
        assertThatThrownBy(() -> f.store.approveDeletion(advisor, rec.id(), "helping out"))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(dir.resolve("datakey.json")).exists();
        assertThat(f.store.audit(hk, AuditQuery.forRecording(rec.id().value())))
                .filteredOn(e -> e.action() == AuditAction.DELETE).extracting(AuditEntry::userId, AuditEntry::outcome)
                .containsExactly(tuple(hk.userId(), AuditEntry.Outcome.FAILED), tuple(hk.userId(), AuditEntry.Outcome.DENIED),
                        tuple("mo-officer", AuditEntry.Outcome.DENIED), tuple("adv-li", AuditEntry.Outcome.DENIED));

        f.store.withdrawDeletion(hk, rec.id(), "customer withdrew the request");
        assertThat(f.store.describe(hk, rec.id()).deletionRequest()).isEmpty();
        assertThatThrownBy(() -> f.store.approveDeletion(secondOfficer, rec.id(), "too late"))
                .isInstanceOf(DeletionNotRequestedException.class);
        assertThat(dir.resolve("datakey.json")).exists();
    }

    @Test
    void retentionRulesSetByAnOfficerAreHonouredByThePurgeAndKeptAcrossARestart() {
        ActiveRecording cards = record(Region.HK, "cards");
        ActiveRecording loans = record(Region.HK, "loans");
        ActiveRecording macau = record(Region.MO, "cards");
        f.store.setQueueRetention(hk, QueueId.of("loans"), Optional.of(Duration.ofDays(90)), "policy P-12");
        f.store.setRegionRetention(hk, Region.MO, Optional.of(Duration.ofDays(3650)), "Macau regulator rule");
        assertThatThrownBy(() -> f.store.setRegionRetention(hk, Region.SZ, Optional.of(Duration.ofDays(10)), "not mine"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> f.store.setQueueRetention(hk, QueueId.of("cards"), Optional.of(Duration.ofHours(1)), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 1 day and 100 years");
        Viewer advisor = new Viewer("adv-li", Set.of(Role.ADVISOR), Set.of(Region.HK), "tidy up");
        assertThatThrownBy(() -> f.store.setQueueRetention(advisor, QueueId.of("cards"), Optional.of(Duration.ofDays(2)), "x"))
                .isInstanceOf(AccessDeniedException.class);

        f.store.close();
        f.store = RecordingStores.open(f.config, f.clock, f.bus);
        assertThat(f.store.retention().periodFor(QueueId.of("loans"), Region.HK)).isEqualTo(Duration.ofDays(90));
        assertThat(f.store.describe(hk, loans.id()).retainUntil()).contains(f.clock.instant().plus(Duration.ofDays(90)));

        f.clock.advance(Duration.ofDays(91));
        assertThat(f.store.applyRetention(f.clock.instant()).deleted()).containsExactly(loans.id());
        f.clock.advance(Duration.ofDays(31)); // the configured 30 days for MO no longer apply: 3650 days now
        assertThat(f.store.applyRetention(f.clock.instant()).deleted()).isEmpty();
        assertThat(f.store.describe(hk, macau.id())).isNotNull();
        assertThat(f.store.describe(hk, cards.id())).isNotNull();

        f.store.setQueueRetention(hk, QueueId.of("loans"), Optional.empty(), "policy P-12 withdrawn");
        assertThat(f.store.retention().periodFor(QueueId.of("loans"), Region.HK)).isEqualTo(Duration.ofDays(7 * 366));
        assertThat(f.store.audit(hk, AuditQuery.all())).filteredOn(e -> e.action() == AuditAction.RETENTION_RULE)
                .extracting(AuditEntry::userId, AuditEntry::outcome).containsExactly(
                        tuple("carol", AuditEntry.Outcome.ALLOWED), tuple("carol", AuditEntry.Outcome.ALLOWED),
                        tuple("adv-li", AuditEntry.Outcome.DENIED), tuple("carol", AuditEntry.Outcome.ALLOWED));
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
