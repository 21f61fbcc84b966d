package org.mvtm.media.kurento;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvtm.core.Channel;
import org.mvtm.core.Language;
import org.mvtm.core.Party;
import org.mvtm.core.Region;
import org.mvtm.core.event.InProcessEventBus;
import org.mvtm.core.id.AgentId;
import org.mvtm.core.id.ConversationId;
import org.mvtm.core.id.CustomerId;
import org.mvtm.core.id.InteractionId;
import org.mvtm.core.id.QueueId;
import org.mvtm.core.media.LegDescription;
import org.mvtm.core.media.MediaKind;
import org.mvtm.core.media.PayloadType;
import org.mvtm.core.media.RtpHeader;
import org.mvtm.media.api.KurentoMediaConfig;
import org.mvtm.media.api.MediaSession;
import org.mvtm.recording.api.ActiveRecording;
import org.mvtm.recording.api.LegInfo;
import org.mvtm.recording.api.MediaFile;
import org.mvtm.recording.api.RecordingKeys;
import org.mvtm.recording.api.RecordingMetadata;
import org.mvtm.recording.api.RecordingState;
import org.mvtm.recording.api.RecordingStore;
import org.mvtm.recording.api.RecordingStoreConfig;
import org.mvtm.recording.api.RecordingStores;
import org.mvtm.recording.api.Role;
import org.mvtm.recording.api.Viewer;
import org.mvtm.recording.export.WebmReader;

/**
 * Kurento mode records into the encrypted, hash-chained store (issue 15): when the call's recording stops, the
 * adapter stops each RecorderEndpoint and hands its WEBM file to the recording, which encrypts it into segments,
 * chains them into the signed manifest and deletes the plaintext file. No Kurento Media Server runs in this build:
 * the recorder is the kurento-client fake ({@link RecordingKurentoPort}) and the files it "wrote" are real WebM files
 * made here by the store's own exporter (the embedded relay's export: a WebM muxed from Opus RTP with synthetic
 * payloads). What a real KMS writes is not checked here; see docs/media-bridge.md.
 */
class KurentoRecordingsReachTheStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final PayloadType OPUS = new PayloadType(111, MediaKind.AUDIO, "opus", 48000, 2);
    private static final Viewer OFFICER = new Viewer("connie", Set.of(Role.COMPLIANCE), Set.of(Region.HK),
            "Kurento ingestion test");
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    @TempDir
    Path tmp;
    private RecordingStore store;

    @BeforeEach
    void openStore() {
        store = RecordingStores.open(RecordingStoreConfig.defaults(tmp.resolve("store"), RecordingKeys.generate()),
                clock, new InProcessEventBus());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void theRecordersFilesAreStoredEncryptedVerifiedAndPlayableAndThePlaintextIsGone() throws Exception {
        Path webm = realWebm();
        WebmReader source = WebmReader.parse(Files.readAllBytes(webm));
        assertThat(source.blocks).hasSize(100);

        RecordingKurentoPort port = new RecordingKurentoPort();
        Path kmsDir = Files.createDirectories(tmp.resolve("kurento"));
        port.recorderWrote = uri -> copy(webm, Path.of(URI.create(uri)));
        KurentoMediaServer media = new KurentoMediaServer(port,
                KurentoMediaConfig.of("ws://kms:8888/kurento", kmsDir), clock);
        ActiveRecording recording = store.start(metadata("call-1"));
        MediaSession call = media.session(recording.metadata().interaction());
        call.addWebRtcLeg("customer", Party.CUSTOMER, RecordingKurentoPort.ANSWER);
        call.addWebRtcLeg("advisor", Party.ADVISOR, RecordingKurentoPort.ANSWER);
        call.startRecording(recording);

        call.stopRecording(); // the call ends: JourneyCoordinator stops the media tap, then seals
        assertThat(recording.seal().state()).isEqualTo(RecordingState.SEALED);

        assertThat(store.verify(OFFICER, recording.id()).ok()).isTrue();
        assertThat(store.legs(OFFICER, recording.id())).extracting(LegInfo::legId, LegInfo::mediaType)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("customer", "video/webm"),
                        org.assertj.core.groups.Tuple.tuple("advisor", "video/webm"));
        for (String leg : List.of("customer", "advisor")) {
            MediaFile m = store.media(OFFICER, recording.id(), leg);
            WebmReader replay = WebmReader.parse(Files.readAllBytes(m.path()));
            assertThat(replay.blocks).as(leg).hasSize(source.blocks.size());
            assertThat(replay.blocks.getLast().data()).isEqualTo(source.blocks.getLast().data());
        }
        assertThat(store.timeline(OFFICER, recording.id())).filteredOn(e -> e.text().startsWith("ingested"))
                .hasSize(2);
        try (Stream<Path> left = Files.walk(kmsDir)) {
            assertThat(left.filter(Files::isRegularFile)).as("plaintext WebM left by the recorder").isEmpty();
        }
        byte[] marker = "OPUS-FRAME-99".getBytes(StandardCharsets.US_ASCII);
        try (Stream<Path> stored = Files.walk(tmp.resolve("store/recordings"))) {
            for (Path p : stored.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1))
                        .as("plaintext in %s", p).doesNotContain(new String(marker, StandardCharsets.ISO_8859_1));
            }
        }
    }

    @Test
    void aRecorderFileTheServerCannotReadIsAProblemOnTheRecordingNotASilentGap() throws Exception {
        KurentoMediaServer media = new KurentoMediaServer(new RecordingKurentoPort(),
                KurentoMediaConfig.of("ws://kms:8888/kurento", tmp.resolve("not-shared")), clock);
        ActiveRecording recording = store.start(metadata("call-2"));
        MediaSession call = media.session(recording.metadata().interaction());
        call.addWebRtcLeg("customer", Party.CUSTOMER, RecordingKurentoPort.ANSWER);
        call.startRecording(recording);
        call.stopRecording();
        recording.seal();

        assertThat(store.health().problems()).anySatisfy(p -> assertThat(p)
                .contains("recording of leg customer was not stored"));
        assertThat(store.timeline(OFFICER, recording.id()))
                .anySatisfy(e -> assertThat(e.text()).contains("was not stored"));
    }

    /** A WebM file as the embedded relay's export writes it: 2 s of Opus (100 packets) recorded and exported. */
    private Path realWebm() {
        ActiveRecording r = store.start(metadata("embedded"));
        r.legAdded(new LegDescription("customer", "customer", List.of(OPUS)));
        long t0 = T0.getEpochSecond() * 1_000_000L;
        for (int i = 0; i < 100; i++) {
            byte[] payload = ("OPUS-FRAME-" + i).getBytes(StandardCharsets.US_ASCII);
            byte[] p = new byte[12 + payload.length];
            RtpHeader.write(p, 0, false, 111, i, i * 960L, 7);
            System.arraycopy(payload, 0, p, 12, payload.length);
            r.packet("customer", MediaKind.AUDIO, t0 + i * 20_000L, p, 0, p.length);
        }
        r.seal();
        return store.media(OFFICER, r.id(), "customer").path();
    }

    private static RecordingMetadata metadata(String interaction) {
        return new RecordingMetadata(InteractionId.of(interaction), ConversationId.random(), Channel.VIDEO,
                CustomerId.of("cust-mary"), "Mary Chan", AgentId.of("adv-li"), "Li Wei", QueueId.of("cards"),
                Region.HK, Language.EN, T0);
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
