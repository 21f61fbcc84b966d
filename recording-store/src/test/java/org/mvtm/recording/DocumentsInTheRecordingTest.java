package org.mvtm.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Region;
import org.mvtm.core.id.RecordingId;
import org.mvtm.recording.api.ActiveRecording;
import org.mvtm.recording.api.LegInfo;
import org.mvtm.recording.api.MediaFile;
import org.mvtm.recording.api.RecordedDocument;
import org.mvtm.recording.api.TimelineEntry;
import org.mvtm.recording.api.VerificationResult;
import org.mvtm.recording.api.VerifyCommand;
import org.mvtm.recording.api.Viewer;

/**
 * Issue 22: documents passed in a call (a PDF the advisor sends, a photo the customer sends back, a signed form) are
 * kept in the recording encrypted and hashed into its chain, each on the timeline with who sent it, when, and its
 * SHA-256; the compliance officer reads them back through the audited replay path; a signed document changed on disk
 * fails verification naming it, in the store and in {@code recording-verify}.
 */
class DocumentsInTheRecordingTest extends WithFreshStore {
    private static final Viewer OFFICER = StoreFixture.compliance(Region.HK);
    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nFEE-TABLE-IN-CLEAR\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PHOTO = pngWith("PHOTO-OF-ID-IN-CLEAR");
    private static final byte[] SIGNED = ("{\"fields\":{\"amount\":\"SIGNED-FIELD-IN-CLEAR\"}}")
            .getBytes(StandardCharsets.UTF_8);

    RecordingId id;

    @BeforeEach
    void record() {
        ActiveRecording r = f.startHk();
        StoreFixture.feedAudio(r, 2);
        TimelineEntry sent = r.addDocument(new RecordedDocument("d1", StoreFixture.T0.plusSeconds(1), "adv-li",
                "ADVISOR", "fee-table.pdf", "application/pdf", PDF, false, Map.of()));
        assertThat(sent.attributes()).containsEntry("sha256", sha256(PDF)).containsEntry("legId", "document-d1");
        r.addDocument(new RecordedDocument("d2", StoreFixture.T0.plusSeconds(2), "cust-mary-chan", "CUSTOMER",
                "photo.png", "image/png", PHOTO, false, Map.of()));
        r.addDocument(new RecordedDocument("signed-d3", StoreFixture.T0.plusSeconds(3), "cust-mary-chan",
                "CUSTOMER", "Address change", "application/json", SIGNED, true, Map.of("templateSha256", "ab12")));
        r.seal();
        id = r.id();
    }

    @Test
    void everyDocumentIsOnTheTimelineWithItsHashAndReadsBackExactlyThroughTheAuditedReplay() throws IOException {
        List<TimelineEntry> documents = f.store.timeline(OFFICER, id).stream()
                .filter(e -> e.kind() == TimelineEntry.Kind.DOCUMENT || e.kind() == TimelineEntry.Kind.SIGNED_DOCUMENT)
                .toList();
        assertThat(documents).extracting(e -> e.kind() + " " + e.actor() + " " + e.attributes().get("name") + " "
                + e.attributes().get("sha256")).containsExactly(
                "DOCUMENT adv-li fee-table.pdf " + sha256(PDF),
                "DOCUMENT cust-mary-chan photo.png " + sha256(PHOTO),
                "SIGNED_DOCUMENT cust-mary-chan Address change " + sha256(SIGNED));
        assertThat(documents.get(2).attributes()).containsEntry("templateSha256", "ab12");

        assertThat(f.store.legs(OFFICER, id)).filteredOn(l -> l.party().equals(RecordedDocument.LEG_PARTY))
                .extracting(LegInfo::legId, LegInfo::mediaType).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("document-d1", "application/pdf"),
                        org.assertj.core.groups.Tuple.tuple("document-d2", "image/png"),
                        org.assertj.core.groups.Tuple.tuple("document-signed-d3", "application/json"));
        MediaFile pdf = f.store.media(OFFICER, id, "document-d1");
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(Files.readAllBytes(pdf.path())).isEqualTo(PDF);
        assertThat(Files.readAllBytes(f.store.media(OFFICER, id, "document-signed-d3").path())).isEqualTo(SIGNED);
        assertThat(f.store.audit(OFFICER, org.mvtm.recording.api.AuditQuery.forRecording(id.value())))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo(org.mvtm.recording.api.AuditAction.REPLAY));

        VerificationResult v = f.store.verify(OFFICER, id);
        assertThat(v.ok()).isTrue();
        try (Stream<Path> files = Files.walk(f.config.dataDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(content).as(file.toString()).doesNotContain("FEE-TABLE-IN-CLEAR", "PHOTO-OF-ID-IN-CLEAR",
                        "SIGNED-FIELD-IN-CLEAR");
            }
        }
    }

    @Test
    void aSignedDocumentChangedOnDiskFailsVerificationNamingIt() throws Exception {
        Path pub = tmp.resolve("public-keys.properties");
        f.keys.savePublic(pub);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = {"--keys", pub.toString(), "--data", f.config.dataDir().toString(), id.value()};
        assertThat(VerifyCommand.run(args, new PrintStream(out), new PrintStream(err))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("OK " + id)
                .contains("document-d1", "document-d2", "document-signed-d3");

        StoreFixture.flipAByte(f.recordingDir(id.value()).resolve("legs/document-signed-d3/000000.seg"));

        VerificationResult v = f.store.verify(OFFICER, id);
        assertThat(v.ok()).isFalse();
        assertThat(v.badLeg()).contains("document-signed-d3");
        assertThat(v.reason()).contains("segment document-signed-d3/0", "content was altered");
        assertThatThrownBy(() -> f.store.media(OFFICER, id, "document-signed-d3"))
                .isInstanceOf(org.mvtm.recording.api.VerificationFailedException.class);
        assertThat(VerifyCommand.run(args, new PrintStream(out), new PrintStream(err))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("FAILED " + id, "document-signed-d3");
    }

    @Test
    void aSealedRecordingTakesNoMoreDocuments() {
        ActiveRecording sealed = f.store.start(StoreFixture.metadata(Region.HK, "Ann Lee",
                org.mvtm.core.Channel.VOICE, org.mvtm.core.Language.EN));
        sealed.seal();
        assertThatThrownBy(() -> sealed.addDocument(new RecordedDocument("d9", StoreFixture.T0, "x", "ADVISOR",
                "late.pdf", "application/pdf", PDF, false, Map.of())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SEALED").hasMessageContaining("late.pdf");
    }

    private static byte[] pngWith(String marker) {
        byte[] head = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        byte[] rest = marker.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + rest.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(rest, 0, all, head.length, rest.length);
        return all;
    }

    private static String sha256(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
