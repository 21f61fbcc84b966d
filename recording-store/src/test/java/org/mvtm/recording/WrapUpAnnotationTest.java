package org.mvtm.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Region;
import org.mvtm.core.id.RecordingId;
import org.mvtm.recording.api.ActiveRecording;
import org.mvtm.recording.api.AuditAction;
import org.mvtm.recording.api.AuditQuery;
import org.mvtm.recording.api.RecordingQuery;
import org.mvtm.recording.api.TimelineEntry;
import org.mvtm.recording.api.VerificationResult;
import org.mvtm.recording.api.Viewer;

/**
 * Issue 16 item 6: the wrap-up code and notes, which the advisor gives after the call (its recording already sealed),
 * end up with the recording: on its timeline, found by a compliance search, audited, encrypted on disk, and chained to
 * the sealed recording so that the sealed chain is untouched and a changed or reordered annotation fails verification.
 */
class WrapUpAnnotationTest extends WithFreshStore {
    private static final Viewer OFFICER = StoreFixture.compliance(Region.HK);
    ActiveRecording call;

    @BeforeEach
    void record() {
        call = f.startHk();
        StoreFixture.feedAudio(call, 2.5);
    }

    private static TimelineEntry wrapUp(String code, String notes) {
        return new TimelineEntry(StoreFixture.T0.plusSeconds(60), TimelineEntry.Kind.WRAP_UP, "adv-li",
                "wrap-up " + code + ": " + notes, Map.of("code", code, "notes", notes));
    }

    private VerificationResult verify(RecordingId id) {
        return f.store.verify(OFFICER, id);
    }

    @Test
    void aWrapUpAfterTheSealIsOnTheTimelineFoundBySearchAuditedAndVerifiedWithTheSealedChainUntouched() throws Exception {
        call.seal();
        Path dir = f.recordingDir(call.id().value());
        byte[] sealedManifest = Files.readAllBytes(dir.resolve("manifest.json"));
        f.clock.advance(Duration.ofSeconds(60));

        List<RecordingId> annotated = f.store.annotate(call.metadata().interaction(),
                wrapUp("RESOLVED", "raised the overdraft limit after a salary slip"));

        assertThat(annotated).containsExactly(call.id());
        assertThat(Files.readAllBytes(dir.resolve("manifest.json"))).as("the sealed manifest is not rewritten")
                .isEqualTo(sealedManifest);
        assertThat(f.store.timeline(OFFICER, call.id())).filteredOn(e -> e.kind() == TimelineEntry.Kind.WRAP_UP)
                .singleElement().satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("adv-li");
                    assertThat(e.attributes()).containsEntry("code", "RESOLVED").containsEntry("annotation", "0")
                            .containsEntry("notes", "raised the overdraft limit after a salary slip");
                });
        assertThat(f.store.search(OFFICER, RecordingQuery.builder().text("overdraft salary").build()))
                .extracting(s -> s.id()).containsExactly(call.id());
        assertThat(verify(call.id()).ok()).isTrue();
        assertThat(f.store.audit(OFFICER, AuditQuery.forRecording(call.id().value())))
                .filteredOn(a -> a.action() == AuditAction.ANNOTATE).singleElement().satisfies(a -> {
                    assertThat(a.userId()).isEqualTo("adv-li");
                    assertThat(a.detail()).contains("code=RESOLVED").doesNotContain("overdraft");
                });
        assertThat(Files.readString(dir.resolve("annotations.jsonl"), StandardCharsets.UTF_8))
                .as("the notes are encrypted like the chat").doesNotContain("overdraft").doesNotContain("RESOLVED");

        f.reopen(); // the index is rebuilt from what is on disk: the notes are still found
        assertThat(f.store.timeline(OFFICER, call.id())).anyMatch(e -> e.kind() == TimelineEntry.Kind.WRAP_UP);
    }

    @Test
    void aChangedOrReorderedAnnotationFailsVerificationNamingIt() throws Exception {
        call.seal();
        f.store.annotate(call.metadata().interaction(), wrapUp("RESOLVED", "first"));
        f.store.annotate(call.metadata().interaction(), wrapUp("FOLLOW_UP", "second thoughts"));
        assertThat(verify(call.id()).ok()).isTrue();
        Path file = f.recordingDir(call.id().value()).resolve("annotations.jsonl");
        List<String> lines = Files.readAllLines(file);

        Files.write(file, List.of(lines.get(1), lines.get(0)));
        VerificationResult swapped = verify(call.id());
        assertThat(swapped.ok()).isFalse();
        assertThat(swapped.badLeg()).contains("_annotations");
        assertThat(swapped.reason()).contains("annotation 0");

        String blob = lines.get(1).replaceAll(".*\"blob\":\"([^\"]+)\".*", "$1");
        char flipped = blob.charAt(20) == 'A' ? 'B' : 'A';
        Files.write(file, List.of(lines.get(0), lines.get(1).replace(blob, blob.substring(0, 20) + flipped
                + blob.substring(21))));
        VerificationResult changed = verify(call.id());
        assertThat(changed.ok()).isFalse();
        assertThat(changed.reason()).contains("annotation 1", "content changed");
    }

    @Test
    void aWrapUpWhileTheRecordingIsStillOpenGoesIntoItsSealedTimeline() {
        f.store.annotate(call.metadata().interaction(), wrapUp("RESOLVED", "chat wrapped up early"));
        call.seal();

        assertThat(f.store.timeline(OFFICER, call.id())).filteredOn(e -> e.kind() == TimelineEntry.Kind.WRAP_UP)
                .singleElement().satisfies(e -> assertThat(e.attributes()).doesNotContainKey("annotation"));
        assertThat(f.recordingDir(call.id().value()).resolve("annotations.jsonl")).doesNotExist();
        assertThat(verify(call.id()).ok()).isTrue();
    }
}
