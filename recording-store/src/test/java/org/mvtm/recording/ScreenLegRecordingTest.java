package org.mvtm.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Region;
import org.mvtm.core.media.LegDescription;
import org.mvtm.core.media.LegKind;
import org.mvtm.core.media.MediaKind;
import org.mvtm.recording.api.ActiveRecording;
import org.mvtm.recording.api.LegInfo;
import org.mvtm.recording.api.TimelineEntry;
import org.mvtm.recording.api.VerificationResult;

/**
 * An advisor's shared screen (issue 22) is a leg of its own kind: it survives sealing and reopening the store, its
 * first packet places it inside the call for a player, its joining is on the timeline, and the recording verifies.
 */
class ScreenLegRecordingTest extends WithFreshStore {

    @Test
    void aScreenSharedLateInTheCallIsKeptAsAScreenLegThatStartsWhereItWasShared() {
        ActiveRecording r = f.startHk();
        StoreFixture.feedAudio(r, 1.0);
        r.legAdded(new LegDescription("advisor-screen", "advisor", List.of(StoreFixture.VP8), LegKind.SCREEN));
        long sharedAt = Rtp.micros(StoreFixture.T0) + 600_000L;
        for (int i = 0; i < 10; i++) {
            byte[] frame = Rtp.packet(96, true, i, i * 3000L, 3333, new byte[] {(byte) 0x10, 0, 0, 0});
            r.packet("advisor-screen", MediaKind.VIDEO, sharedAt + i * 33_333L, frame, 0, frame.length);
        }
        r.seal();
        f.reopen();

        List<LegInfo> legs = f.store.legs(StoreFixture.compliance(Region.HK), r.id());
        assertThat(legs).extracting(LegInfo::legId, LegInfo::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("customer", LegKind.CALL),
                org.assertj.core.groups.Tuple.tuple("advisor", LegKind.CALL),
                org.assertj.core.groups.Tuple.tuple("advisor-screen", LegKind.SCREEN));
        LegInfo screen = legs.get(2);
        assertThat(screen.firstPacketAt()).contains(StoreFixture.T0.plusMillis(600));
        assertThat(screen.packets()).isEqualTo(10);
        assertThat(f.store.timeline(StoreFixture.compliance(Region.HK), r.id()))
                .filteredOn(e -> e.kind() == TimelineEntry.Kind.LEG_ADDED)
                .extracting(TimelineEntry::text).contains("advisor screen leg advisor-screen joined");
        VerificationResult v = f.store.verify(StoreFixture.compliance(Region.HK), r.id());
        assertThat(v.ok()).as(v.reason()).isTrue();
    }
}
