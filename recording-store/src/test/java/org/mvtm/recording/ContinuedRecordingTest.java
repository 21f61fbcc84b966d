package org.mvtm.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.core.Channel;
import org.mvtm.core.Language;
import org.mvtm.core.Region;
import org.mvtm.core.id.RecordingId;
import org.mvtm.recording.api.ActiveRecording;
import org.mvtm.recording.api.ChainPoint;
import org.mvtm.recording.api.RecordingKeys;
import org.mvtm.recording.api.RecordingMetadata;
import org.mvtm.recording.api.RecordingPart;
import org.mvtm.recording.api.RecordingParts;
import org.mvtm.recording.api.TimelineEntry;
import org.mvtm.recording.api.VerificationResult;
import org.mvtm.recording.api.Viewer;

/**
 * A recording continued on another node after the node recording it died: the same recording id in two stores (two
 * data directories, two key files, as two nodes have), the later part's chain starting from the chain head the first
 * store reported before it "died". Both parts verify together; a forged head, a missing part and tampering in either
 * part are reported, naming the part.
 */
class ContinuedRecordingTest {
    private static final String NODE_A = "http://node-a:8080";
    private static final String NODE_B = "http://node-b:8080";
    private static final Viewer OFFICER = StoreFixture.compliance(Region.HK);

    @TempDir
    Path tmp;
    StoreFixture a;
    StoreFixture b;
    final List<ChainPoint> publishedByA = new CopyOnWriteArrayList<>();
    RecordingMetadata metadata;
    RecordingId id;
    ChainPoint lastKnown;

    @BeforeEach
    void nodeARecordsUntilItDiesAndNodeBContinues() throws Exception {
        a = new StoreFixture(tmp.resolve("a"), RecordingKeys.generate(), Duration.ofSeconds(1));
        b = new StoreFixture(tmp.resolve("b"), RecordingKeys.generate(), Duration.ofSeconds(1));
        a.store.onChainAdvanced(publishedByA::add);
        metadata = StoreFixture.metadata(Region.HK, "Mary Chan", Channel.VIDEO, Language.EN);
        ActiveRecording first = a.store.start(metadata);
        id = first.id();
        StoreFixture.feedAudio(first, 4.5);
        lastKnown = await(() -> publishedByA.stream().filter(p -> p.segments() >= 4).reduce((x, y) -> y).orElse(null));
        first.seal(); // what it wrote after the last point it published: its tail, after the continuation point

        ActiveRecording second = b.store.continueRecording(laterMetadata(), lastKnown, NODE_A);
        second.appendTimeline(new TimelineEntry(StoreFixture.T0.plusSeconds(12), TimelineEntry.Kind.OTHER, "cluster",
                "gap: the node holding the call's media died", java.util.Map.of("gap", "media-node-died")));
        StoreFixture.feedAudio(second, 3.5);
        second.seal();
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    private RecordingMetadata laterMetadata() {
        return new RecordingMetadata(metadata.interaction(), metadata.conversation(), metadata.channel(),
                metadata.customer(), metadata.customerName(), metadata.advisor(), metadata.advisorName(),
                metadata.queue(), metadata.region(), metadata.language(), StoreFixture.T0.plusSeconds(12));
    }

    private VerificationResult verifyBoth() {
        return RecordingParts.verify(id, List.of(b.store.verifyPart(OFFICER, id).heldBy(NODE_B),
                a.store.verifyPart(OFFICER, id).heldBy(NODE_A)), List.of(), Instant.now());
    }

    @Test
    void theSecondPartCarriesTheSameIdAndVerifiesTogetherWithTheFirstAcrossTheLink() {
        RecordingPart second = b.store.verifyPart(OFFICER, id);
        assertThat(second.recording()).isEqualTo(id);
        assertThat(second.part()).isEqualTo(2);
        assertThat(second.continues()).contains(lastKnown);
        assertThat(second.continuedFrom()).isEqualTo(NODE_A);
        assertThat(b.store.legs(OFFICER, id)).as("legs named apart from part 1's, which has the same names")
                .extracting(l -> l.legId()).containsExactly("customer-part2", "advisor-part2");
        assertThat(a.store.legs(OFFICER, id)).extracting(l -> l.legId()).containsExactly("customer", "advisor");
        assertThat(b.store.timeline(OFFICER, id)).extracting(TimelineEntry::text)
                .anyMatch(t -> t.contains("recording continued as part 2 after segment " + lastKnown.segments()))
                .anyMatch(t -> t.startsWith("gap:"));

        VerificationResult v = verifyBoth();
        assertThat(v.ok()).as(v.reason()).isTrue();
        assertThat(v.reason()).startsWith("ok: 2 parts")
                .contains("part 2 (node " + NODE_B + ") continues part 1 (node " + NODE_A + ")'s chain after segment "
                        + lastKnown.segments())
                .contains("segments after that point"); // what node A wrote after the head it published last
        assertThat(v.segmentsChecked()).isEqualTo(a.store.verify(OFFICER, id).segmentsChecked()
                + b.store.verify(OFFICER, id).segmentsChecked());
    }

    @Test
    void aPartWhoseClaimedHeadDoesNotMatchIsReportedNamingBothHashes() throws Exception {
        StoreFixture c = new StoreFixture(tmp.resolve("c"), RecordingKeys.generate(), Duration.ofSeconds(1));
        try {
            ChainPoint forged = new ChainPoint(id, metadata.interaction(), 1, lastKnown.segments(), "ab".repeat(32));
            ActiveRecording other = c.store.continueRecording(laterMetadata(), forged, NODE_A);
            StoreFixture.feedAudio(other, 2.5);
            other.seal();
            RecordingPart forgedPart = c.store.verifyPart(OFFICER, id).heldBy("http://node-c:8080");
            assertThat(forgedPart.verification().ok()).as("its own chain is intact").isTrue();

            VerificationResult v = RecordingParts.verify(id, List.of(a.store.verifyPart(OFFICER, id).heldBy(NODE_A),
                    forgedPart), List.of(), Instant.now());
            assertThat(v.ok()).isFalse();
            assertThat(v.reason()).contains("part 2 (node http://node-c:8080) continues part 1", "ab".repeat(32),
                    lastKnown.chainHead(), "do not belong together");
        } finally {
            c.close();
        }
    }

    @Test
    void alteringASegmentOfEitherPartFailsNamingThatPart() throws Exception {
        StoreFixture.flipAByte(a.recordingDir(id.value()).resolve("legs/customer/000001.seg"));
        VerificationResult first = verifyBoth();
        assertThat(first.ok()).isFalse();
        assertThat(first.reason()).startsWith("part 1 (node " + NODE_A + "): segment customer/1");
        assertThat(first.badLeg()).contains("customer");
        assertThat(first.badSegment()).contains(1);

        StoreFixture.flipAByte(a.recordingDir(id.value()).resolve("legs/customer/000001.seg")); // back as it was
        assertThat(verifyBoth().ok()).isTrue();
        StoreFixture.flipAByte(b.recordingDir(id.value()).resolve("legs/advisor-part2/000002.seg"));
        VerificationResult second = verifyBoth();
        assertThat(second.ok()).isFalse();
        assertThat(second.reason()).startsWith("part 2 (node " + NODE_B + "): segment advisor-part2/2")
                .contains("part 1 (node " + NODE_A + "):");
    }

    @Test
    void aPartOnANodeThatCannotBeReachedIsNamedAsNotChecked() {
        VerificationResult v = RecordingParts.verify(id, List.of(b.store.verifyPart(OFFICER, id).heldBy(NODE_B)),
                List.of("node-a: connection refused"), Instant.now());
        assertThat(v.ok()).isFalse();
        assertThat(v.reason()).startsWith("part 1 (recorded on node " + NODE_A + ") could not be checked")
                .contains("node-a: connection refused");
    }

    @Test
    void aSecondContinuationOnTheSameNodeBecomesARecordingOfItsOwn() {
        ActiveRecording again = b.store.continueRecording(laterMetadata(), lastKnown, NODE_A);
        again.seal();
        assertThat(again.id()).isNotEqualTo(id);
        assertThat(b.store.verifyPart(OFFICER, again.id()).part()).isEqualTo(1);
    }

    private static <T> T await(java.util.function.Supplier<T> what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            T t = what.get();
            if (t != null) {
                return t;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("node A published no chain point with 4 segments within 30 s");
    }
}
