package org.mvtm.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Region;
import org.mvtm.core.TranscriptTurn;
import org.mvtm.core.media.LegDescription;
import org.mvtm.core.media.MediaKind;
import org.mvtm.recording.api.ActiveRecording;
import org.mvtm.recording.api.AuditAction;
import org.mvtm.recording.api.AuditEntry;
import org.mvtm.recording.api.AuditQuery;
import org.mvtm.recording.api.LegInfo;
import org.mvtm.recording.api.TimelineEntry;
import org.mvtm.recording.api.VerificationResult;

/**
 * PCI pause in the store: whatever reaches a paused recording (media, chat lines) is not kept in clear, the gap is
 * marked with who and why and audited, and a recording sealed while paused is resumed by the seal.
 */
class PciPauseTest extends WithFreshStore {
    private static final Instant T0 = StoreFixture.T0;

    /** 10 s of audio at 50 packets/s, with a pause from 3 s to 6 s by the advisor, and a card number typed in it. */
    @Test
    void noMediaAndNoWordsAreKeptInAPauseAndTheGapIsMarkedWithWhoAndWhy() throws Exception {
        ActiveRecording r = f.startHk();
        r.legAdded(new LegDescription("customer", "customer", List.of(StoreFixture.OPUS)));
        for (int i = 0; i < 500; i++) {
            Instant at = T0.plusMillis(i * 20L);
            if (i == 150) {
                assertThat(r.pause(at, "adv-li", "ADVISOR", "card details spoken")).isTrue();
                assertThat(r.pause(at, "adv-li", "ADVISOR", "again")).as("already paused").isFalse();
                r.appendTimeline(TimelineEntry.turn(new TranscriptTurn(at.plusMillis(500),
                        TranscriptTurn.Speaker.CUSTOMER, "my card is 4111 1111 1111 1111"), "cust-mary"));
            }
            if (i == 300) {
                assertThat(r.resume(at, "adv-li", "ADVISOR", "card details given")).isTrue();
                r.appendTimeline(TimelineEntry.turn(new TranscriptTurn(at.plusMillis(100),
                        TranscriptTurn.Speaker.CUSTOMER, "thanks, done"), "cust-mary"));
            }
            byte[] p = Rtp.packet(111, false, i, i * 960L, 1111, ("CARD-AUDIO-" + i).getBytes(StandardCharsets.US_ASCII));
            r.packet("customer", MediaKind.AUDIO, Rtp.micros(at), p, 0, p.length);
        }
        r.seal();

        var viewer = StoreFixture.compliance(Region.HK);
        LegInfo leg = f.store.legs(viewer, r.id()).getFirst();
        assertThat(leg.packets()).as("150 before the pause and 200 after it").isEqualTo(350);
        List<TimelineEntry> timeline = f.store.timeline(viewer, r.id());
        assertThat(timeline).filteredOn(e -> e.kind() == TimelineEntry.Kind.RECORDING_PAUSED
                        || e.kind() == TimelineEntry.Kind.RECORDING_RESUMED)
                .extracting(TimelineEntry::at, TimelineEntry::actor, e -> e.attributes().get("reason"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(T0.plusSeconds(3), "adv-li", "card details spoken"),
                        org.assertj.core.groups.Tuple.tuple(T0.plusSeconds(6), "adv-li", "card details given"));
        assertThat(timeline).filteredOn(e -> e.kind() == TimelineEntry.Kind.CUSTOMER_MESSAGE)
                .extracting(TimelineEntry::text, e -> e.attributes().get("redacted"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("[redacted: written during a PCI pause]", "pci-pause"),
                        org.assertj.core.groups.Tuple.tuple("thanks, done", null));
        assertThat(f.store.timelineJson(viewer, r.id())).doesNotContain("4111");
        assertThat(f.store.search(viewer, org.mvtm.recording.api.RecordingQuery.builder().text("4111").build()))
                .as("the card number is not searchable").isEmpty();
        VerificationResult v = f.store.verify(viewer, r.id());
        assertThat(v.ok()).as(v.reason()).isTrue();
        assertThat(f.store.audit(viewer, AuditQuery.all()))
                .filteredOn(e -> e.action() == AuditAction.PCI_PAUSE || e.action() == AuditAction.PCI_RESUME)
                .extracting(AuditEntry::userId, AuditEntry::action, AuditEntry::detail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("adv-li", AuditAction.PCI_PAUSE,
                                "party=ADVISOR; reason=card details spoken"),
                        org.assertj.core.groups.Tuple.tuple("adv-li", AuditAction.PCI_RESUME,
                                "party=ADVISOR; reason=card details given"));
        try (Stream<Path> files = Files.walk(tmp)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                        .as("file %s", file).doesNotContain("4111 1111");
            }
        }
    }

    @Test
    void aRecordingSealedWhilePausedIsResumedByTheSeal() {
        ActiveRecording r = f.startHk();
        f.clock.set(T0.plusSeconds(2));
        assertThat(r.pause(T0.plusSeconds(1), "mary", "CUSTOMER", "card details")).isTrue();
        r.seal();

        assertThat(r.paused()).isFalse();
        assertThat(f.store.timeline(StoreFixture.compliance(Region.HK), r.id()))
                .filteredOn(e -> e.kind() == TimelineEntry.Kind.RECORDING_RESUMED).singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("system");
                    assertThat(e.attributes()).containsEntry("party", "SYSTEM");
                });
    }
}
