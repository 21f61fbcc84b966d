package org.mvtm.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Region;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.event.ChatMessagePosted;
import org.mvtm.core.event.RecordingSealed;
import org.mvtm.core.event.RecordingStarted;
import org.mvtm.recording.api.ActiveRecording;
import org.mvtm.recording.api.LegInfo;
import org.mvtm.recording.api.RecordingState;
import org.mvtm.recording.api.RecordingSummary;
import org.mvtm.recording.api.TimelineEntry;
import org.mvtm.recording.api.VerificationResult;
import org.mvtm.recording.manifest.Manifest;
import org.mvtm.recording.manifest.ManifestFile;
import org.mvtm.recording.manifest.SegmentEntry;
import org.mvtm.recording.store.RecordingLifecycle;

class SegmentedRecordingTest extends WithFreshStore {

    @Test
    void everyLegIsWrittenInEncryptedSegmentsOfTheConfiguredLengthAndVerifies() throws Exception {
        ActiveRecording r = f.startHk();
        StoreFixture.feedAudio(r, 3.5);
        RecordingSummary s = r.seal();

        assertThat(s.state()).isEqualTo(RecordingState.SEALED);
        Manifest m = ManifestFile.read(f.recordingDir(r.id().value())).manifest();
        List<SegmentEntry> customer = m.segments().stream().filter(e -> e.leg().equals("customer")).toList();
        assertThat(customer).extracting(SegmentEntry::index).containsExactly(0, 1, 2, 3);
        assertThat(customer.get(0).records()).isEqualTo(50);
        assertThat(customer.get(3).records()).isEqualTo(25);
        assertThat(m.segments().stream().filter(e -> e.leg().equals("advisor"))).hasSize(4);
        assertThat(s.legs()).extracting(LegInfo::legId, LegInfo::packets)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("customer", 175L),
                        org.assertj.core.groups.Tuple.tuple("advisor", 175L));
        assertThat(StoreFixture.filesContaining(f.recordingDir(r.id().value()),
                "PLAINTEXT-MARKER".getBytes(StandardCharsets.US_ASCII))).as("files holding plaintext").isEmpty();
        VerificationResult v = f.store.verify(StoreFixture.compliance(Region.HK), r.id());
        assertThat(v.ok()).as(v.reason()).isTrue();
        assertThat(v.segmentsChecked()).isEqualTo(m.segments().size());
        assertThat(f.events).hasAtLeastOneElementOfType(RecordingStarted.class)
                .anySatisfy(e -> assertThat(e).isEqualTo(new RecordingSealed(f.clock.instant(), r.id(),
                        r.metadata().interaction(), false)));
    }

    @Test
    void chatTurnsBotTurnsAndCallEventsFormOneTimeline() {
        ActiveRecording r = f.startHk();
        var t = StoreFixture.T0;
        r.appendTimeline(TimelineEntry.turn(new TranscriptTurn(t.plusSeconds(1), TranscriptTurn.Speaker.CUSTOMER,
                "I lost my credit card"), "cust-mary-chan"));
        r.appendTimeline(TimelineEntry.turn(new TranscriptTurn(t.plusSeconds(2), TranscriptTurn.Speaker.BOT,
                "Let me connect you to an advisor"), ChatMessagePosted.ASSISTANT));
        r.appendTimeline(TimelineEntry.event(t.plusSeconds(3), TimelineEntry.Kind.QUEUED, "system", "queued in cards"));
        r.appendTimeline(TimelineEntry.event(t.plusSeconds(9), TimelineEntry.Kind.ADVISOR_JOINED, "adv-li", "Li Wei"));
        r.appendTimeline(TimelineEntry.event(t.plusSeconds(20), TimelineEntry.Kind.HOLD, "adv-li", "hold"));
        r.appendTimeline(TimelineEntry.event(t.plusSeconds(30), TimelineEntry.Kind.ENDED, "cust-mary-chan", "hung up"));
        r.seal();

        List<TimelineEntry> timeline = f.store.timeline(StoreFixture.compliance(Region.HK), r.id());
        assertThat(timeline).extracting(TimelineEntry::kind).contains(TimelineEntry.Kind.RECORDING_STARTED,
                TimelineEntry.Kind.CUSTOMER_MESSAGE, TimelineEntry.Kind.BOT_MESSAGE, TimelineEntry.Kind.QUEUED,
                TimelineEntry.Kind.ADVISOR_JOINED, TimelineEntry.Kind.HOLD, TimelineEntry.Kind.ENDED,
                TimelineEntry.Kind.RECORDING_SEALED);
        assertThat(timeline).filteredOn(e -> e.kind() == TimelineEntry.Kind.CUSTOMER_MESSAGE)
                .extracting(TimelineEntry::text).containsExactly("I lost my credit card");
        String json = f.store.timelineJson(StoreFixture.compliance(Region.HK), r.id());
        assertThat(json).contains("\"kind\": \"BOT_MESSAGE\"", "Let me connect you to an advisor");
        assertThatThrownBy(() -> r.appendTimeline(TimelineEntry.event(t, TimelineEntry.Kind.OTHER, "x", "late")))
                .hasMessageContaining("SEALED");
    }

    @Test
    void theCallsEndReachesTheTimelineAfterTheMediaStoppedAndLaterMediaIsNotKept() {
        ActiveRecording r = f.startHk();
        StoreFixture.feedAudio(r, 1.0);
        r.closed(); // the media session ended first (a SIP caller's BYE)
        StoreFixture.feedAudio(r, 1.0);
        r.appendTimeline(TimelineEntry.event(StoreFixture.T0.plusSeconds(2), TimelineEntry.Kind.ENDED, "cust-mary-chan", "hung up"));
        RecordingSummary s = r.seal();

        assertThat(f.store.timeline(StoreFixture.compliance(Region.HK), r.id())).extracting(TimelineEntry::kind)
                .contains(TimelineEntry.Kind.ENDED, TimelineEntry.Kind.RECORDING_SEALED);
        assertThat(s.legs()).extracting(LegInfo::packets).containsOnly(50L);
    }

    @Test
    void quietLegsCloseTheirSegmentBySegmentLengthOfTheClock() throws Exception {
        ActiveRecording r = f.startHk();
        StoreFixture.feedAudio(r, 0.5);
        f.clock.advance(Duration.ofSeconds(3));
        Path dir = f.recordingDir(r.id().value());
        await().atMost(Duration.ofSeconds(20)).until(() ->
                ManifestFile.read(dir).manifest().segments().stream().anyMatch(e -> e.leg().equals("customer")));
        assertThat(r.state()).isEqualTo(RecordingState.RECORDING);
        r.seal();
    }

    @Test
    void packetCallReturnsAtOnceAndCountsDropsWhenTheQueueIsFull() {
        f.close();
        f.config = f.config.withQueueCapacity(16);
        f.store = org.mvtm.recording.api.RecordingStores.open(f.config, f.clock, f.bus);
        ActiveRecording r = f.startHk();
        StoreFixture.feedAudio(r, 60);
        r.seal();
        long written = f.store.describe(StoreFixture.compliance(Region.HK), r.id()).legs().stream()
                .mapToLong(LegInfo::packets).sum();
        assertThat(written + f.store.health().droppedPackets()).isEqualTo(2 * 3000);
    }

    @Test
    void lifecycleRejectsIllegalTransitionsNamingBothStates() {
        assertThatThrownBy(() -> RecordingLifecycle.check("r-1", RecordingState.SEALED, RecordingState.RECORDING))
                .hasMessage("recording r-1 cannot go from SEALED to RECORDING");
        assertThat(RecordingLifecycle.check("r-1", RecordingState.RECORDING, RecordingState.SEALED))
                .isEqualTo(RecordingState.SEALED);
    }
}
