package org.mvtm.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Region;
import org.mvtm.core.id.RecordingId;
import org.mvtm.recording.api.AuditEntry;
import org.mvtm.recording.api.AuditQuery;
import org.mvtm.recording.api.VerificationFailedException;
import org.mvtm.recording.api.VerificationResult;
import org.mvtm.recording.api.VerifyCommand;

/** Must show: flip a byte, drop a segment, swap two: verify fails and names the segment; replay refuses. */
class TamperEvidenceTest extends WithFreshStore {
    RecordingId id;
    Path dir;

    @BeforeEach
    void record() {
        id = f.sealedHk(4.5);
        dir = f.recordingDir(id.value());
        assertThat(verify().ok()).isTrue();
    }

    private VerificationResult verify() {
        return f.store.verify(StoreFixture.compliance(Region.HK), id);
    }

    @Test
    void flippingOneByteInASegmentFailsVerificationNamingThatSegment() throws Exception {
        StoreFixture.flipAByte(dir.resolve("legs/advisor/000002.seg"));

        VerificationResult v = verify();
        assertThat(v.ok()).isFalse();
        assertThat(v.badLeg()).contains("advisor");
        assertThat(v.badSegment()).contains(2);
        assertThat(v.reason()).contains("segment advisor/2", "content was altered");
    }

    @Test
    void droppingASegmentFailsVerificationNamingTheMissingSegment() throws Exception {
        Files.delete(dir.resolve("legs/customer/000001.seg"));

        VerificationResult v = verify();
        assertThat(v.ok()).isFalse();
        assertThat(v.reason()).contains("segment customer/1", "missing");
        assertThat(v.badSegment()).contains(1);
    }

    @Test
    void swappingTwoSegmentsFailsVerificationNamingTheSwap() throws Exception {
        Path a = dir.resolve("legs/customer/000001.seg");
        Path b = dir.resolve("legs/customer/000003.seg");
        Path t = dir.resolve("swap.tmp");
        Files.move(a, t);
        Files.move(b, a);
        Files.move(t, b);

        VerificationResult v = verify();
        assertThat(v.ok()).isFalse();
        assertThat(v.reason()).contains("segment customer/1", "holds the content of segment customer/3", "swapped");
    }

    @Test
    void removingASegmentFromTheManifestBreaksTheChainAtTheNextSegment() throws Exception {
        Path manifest = dir.resolve("manifest.json");
        String json = Files.readString(manifest);
        // drop the manifest entry of customer/1 and renumber nothing: the per-leg index gap is named
        int at = json.indexOf("\"file\": \"legs/customer/000001.seg\"");
        int start = json.lastIndexOf('{', at);
        int end = json.indexOf('}', at) + 1;
        String edited = json.substring(0, start) + json.substring(end).replaceFirst("^,", "");
        Files.writeString(manifest, edited);

        VerificationResult v = verify();
        assertThat(v.ok()).isFalse();
        assertThat(v.reason()).containsAnyOf("segment customer/1 is missing from the manifest",
                "manifest entries were reordered or removed");
    }

    @Test
    void editingTheSealedManifestInvalidatesItsSignature() throws Exception {
        Path manifest = dir.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"customerName\": \"Mary Chan\"",
                "\"customerName\": \"Someone Else\""));

        VerificationResult v = verify();
        assertThat(v.ok()).isFalse();
        assertThat(v.reason()).contains("manifest signature is invalid");
    }

    @Test
    void addingAnUnlistedSegmentFileFailsVerification() throws Exception {
        Files.copy(dir.resolve("legs/customer/000000.seg"), dir.resolve("legs/customer/000009.seg"),
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(verify().reason()).contains("legs/customer/000009.seg is not listed");
    }

    @Test
    void replayOfATamperedRecordingIsRefusedAsFailedVerificationAndAudited() throws Exception {
        Path seg = dir.resolve("legs/customer/000000.seg");
        byte[] b = Files.readAllBytes(seg);
        b[40] ^= (byte) 0x80;
        Files.write(seg, b);

        assertThatThrownBy(() -> f.store.media(StoreFixture.compliance(Region.HK), id, "customer"))
                .isInstanceOfSatisfying(VerificationFailedException.class, e -> {
                    assertThat(e.result().badLeg()).contains("customer");
                    assertThat(e.result().badSegment()).contains(0);
                });
        assertThat(f.store.describe(StoreFixture.compliance(Region.HK), id).lastVerification())
                .hasValueSatisfying(v -> assertThat(v.ok()).isFalse());
        assertThat(f.store.audit(StoreFixture.compliance(Region.HK), AuditQuery.forRecording(id.value())))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo(org.mvtm.recording.api.AuditAction.REPLAY);
                    assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.FAILED);
                    assertThat(e.detail()).contains("failed verification", "segment customer/0");
                });
    }

    @Test
    void verifyCommandNeedsOnlyThePublicKeyAndExitsNonZeroNamingTheFirstBadSegment() throws Exception {
        Path pub = tmp.resolve("public-keys.properties");
        f.keys.savePublic(pub);
        String[] args = {"--keys", pub.toString(), "--data", f.config.dataDir().toString(), id.value()};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(VerifyCommand.run(args, new PrintStream(out), new PrintStream(err))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("OK " + id);

        Files.delete(dir.resolve("timeline/000000.seg"));
        assertThat(VerifyCommand.run(new String[] {"--keys", pub.toString(), dir.toString()},
                new PrintStream(out), new PrintStream(err))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("FAILED " + id, "segment _timeline/0", "missing");
    }
}
