package org.mvtm.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mvtm.core.Region;
import org.mvtm.core.id.RecordingId;
import org.mvtm.core.media.G711;
import org.mvtm.core.media.LegDescription;
import org.mvtm.core.media.MediaKind;
import org.mvtm.recording.api.ActiveRecording;
import org.mvtm.recording.api.MediaFile;
import org.mvtm.recording.export.WebmReader;

class ExportTest extends WithFreshStore {

    /** A fake VP8 frame: key frames carry the start code and 320x240, inter frames only the P bit. */
    private static byte[] vp8Frame(boolean key, int size, int n) {
        byte[] b = new byte[size];
        b[0] = (byte) (key ? 0x00 : 0x01);
        if (key) {
            b[3] = (byte) 0x9d;
            b[4] = 0x01;
            b[5] = 0x2a;
            b[6] = (byte) 320;
            b[7] = (byte) (320 >> 8);
            b[8] = (byte) 240;
            b[9] = 0;
        }
        b[size - 1] = (byte) n;
        return b;
    }

    private record Pkt(long arrival, byte[] rtp) {
    }

    /** 90 frames at 30 fps, key frame every 30, each frame split into 3 packets. */
    private static List<Pkt> videoPackets(long start) {
        List<Pkt> l = new ArrayList<>();
        int seq = 65530; // wraps during the call
        for (int i = 0; i < 90; i++) {
            byte[] frame = vp8Frame(i % 30 == 0, 2500, i);
            long ts = (4_294_967_295L - 9000 + i * 3000L) & 0xffffffffL; // timestamp wraps too
            for (int off = 0, part = 0; off < frame.length; off += 1000, part++) {
                int len = Math.min(1000, frame.length - off);
                byte[] payload = new byte[len + 1];
                payload[0] = (byte) (part == 0 ? 0x10 : 0);
                System.arraycopy(frame, off, payload, 1, len);
                l.add(new Pkt(start + i * 33_333L, Rtp.packet(96, off + len >= frame.length, seq++ & 0xffff, ts,
                        77, payload)));
            }
        }
        return l;
    }

    private WebmReader exportVideo(List<Pkt> packets) throws Exception {
        ActiveRecording r = f.startHk();
        r.legAdded(new LegDescription("customer", "customer", List.of(StoreFixture.VP8)));
        for (Pkt p : packets) {
            r.packet("customer", MediaKind.VIDEO, p.arrival(), p.rtp(), 0, p.rtp().length);
        }
        r.seal();
        MediaFile m = f.store.media(StoreFixture.compliance(Region.HK), r.id(), "customer");
        return WebmReader.parse(Files.readAllBytes(m.path()));
    }

    @Test
    void vp8FramesSurviveSequenceAndTimestampWrapAndReorderingWithCuesAtKeyFrames() throws Exception {
        List<Pkt> packets = videoPackets(Rtp.micros(StoreFixture.T0));
        Collections.swap(packets, 10, 12); // reordered in flight
        WebmReader w = exportVideo(packets);
        assertThat(w.codecs).containsEntry(1, "V_VP8");
        assertThat(w.blocks).hasSize(90);
        assertThat(w.blocks).extracting(WebmReader.Block::timeMillis).isSorted();
        assertThat(w.blocks.get(45).timeMillis()).isEqualTo(1500);
        assertThat(w.blocks.stream().filter(WebmReader.Block::key)).hasSize(3);
        assertThat(w.cuePoints).isEqualTo(3);
        assertThat(w.durationMillis).isEqualTo(89 * 100 / 3 + 33);
        assertThat(w.blocks.get(4).data()[2499]).isEqualTo((byte) 4);
    }

    /**
     * A first key frame that took 800 ms to encode and send arrives 800 ms behind its capture, and the frames caught
     * up behind it arrive in a burst; from then on frames arrive 33 ms apart as captured. Each frame is replayed when
     * it arrived (so in step with the call's other legs), not 800 ms later as an anchor on the first packet gave.
     */
    @Test
    void aLateFirstKeyFrameDoesNotPushTheRestOfTheVideoLater() throws Exception {
        long start = Rtp.micros(StoreFixture.T0);
        List<Pkt> packets = new ArrayList<>();
        for (Pkt p : videoPackets(start)) {
            packets.add(new Pkt(Math.max(p.arrival(), start + 800_000), p.rtp()));
        }
        WebmReader w = exportVideo(packets);
        assertThat(w.blocks).hasSize(90);
        assertThat(w.blocks).extracting(WebmReader.Block::timeMillis).isSorted();
        assertThat(w.blocks.get(0).timeMillis()).as("the key frame opens the leg").isZero();
        // frame 60 was captured 2 s after frame 0 and arrived 1.2 s after the leg's first packet
        assertThat(w.blocks.get(60).timeMillis()).isEqualTo(1200);
        assertThat(w.blocks.get(89).timeMillis()).isEqualTo(89 * 100 / 3 - 800);
    }

    /**
     * The sender's timestamps jump 10 s ahead at frame 45 while its frames go on arriving 33 ms apart (one SSRC, as
     * some phones do after a hold): the frames after the jump are replayed when they arrived, not 10 s later, and
     * those before it stay where they were.
     */
    @Test
    void aSendersTimestampJumpDoesNotMoveItsFramesAwayFromWhenTheyArrived() throws Exception {
        List<Pkt> packets = new ArrayList<>();
        for (Pkt p : videoPackets(Rtp.micros(StoreFixture.T0))) {
            byte[] rtp = p.rtp().clone();
            ByteBuffer b = ByteBuffer.wrap(rtp).order(ByteOrder.BIG_ENDIAN);
            int frame = (int) ((p.arrival() - Rtp.micros(StoreFixture.T0)) / 33_333);
            if (frame >= 45) {
                b.putInt(4, (int) (Integer.toUnsignedLong(b.getInt(4)) + 900_000));
            }
            packets.add(new Pkt(p.arrival(), rtp));
        }
        WebmReader w = exportVideo(packets);
        assertThat(w.blocks).hasSize(90);
        assertThat(w.blocks.get(44).timeMillis()).isEqualTo(44 * 100 / 3);
        assertThat(w.blocks.get(45).timeMillis()).isEqualTo(1500);
        assertThat(w.blocks.get(89).timeMillis()).isEqualTo(89 * 100 / 3);
    }

    @Test
    void aLostPacketDropsFramesUntilTheNextKeyFrame() throws Exception {
        List<Pkt> packets = videoPackets(Rtp.micros(StoreFixture.T0));
        packets.remove(10 * 3 + 1); // middle packet of frame 10
        WebmReader w = exportVideo(packets);
        // frames 0..9, then 30..89: frames 10..29 reference the lost one
        assertThat(w.blocks).hasSize(10 + 60);
        assertThat(w.blocks.get(10).key()).isTrue();
        assertThat(w.blocks.get(10).timeMillis()).isEqualTo(1000);
    }

    @Test
    void g711LegExportsToWavWithSilenceForGaps() throws Exception {
        ActiveRecording r = f.startHk();
        r.legAdded(new LegDescription("sip-customer", "customer", List.of(StoreFixture.PCMU)));
        long t0 = Rtp.micros(StoreFixture.T0);
        byte[] payload = new byte[160];
        java.util.Arrays.fill(payload, (byte) 0x80); // mu-law 0x80 = +32124
        for (int i = 0; i < 100; i++) {
            if (i >= 40 && i < 50) {
                continue; // 200 ms lost
            }
            byte[] p = Rtp.packet(0, false, i, i * 160L, 9, payload);
            r.packet("sip-customer", MediaKind.AUDIO, t0 + i * 20_000L, p, 0, p.length);
        }
        r.seal();
        MediaFile m = f.store.media(StoreFixture.compliance(Region.HK), r.id(), "sip-customer");
        assertThat(m.contentType()).isEqualTo("audio/wav");
        assertThat(m.duration().toMillis()).isEqualTo(2000);
        ByteBuffer wav = ByteBuffer.wrap(Files.readAllBytes(m.path())).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(wav.getInt(24)).isEqualTo(8000);
        assertThat(wav.getInt(40)).isEqualTo(16000 * 2);
        assertThat(wav.getShort(44)).isEqualTo(G711.ulawToLinear((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(wav.getShort(44 + 2 * 45 * 160)).as("gap is silence").isZero();
        assertThat(m.openRange(0, 3).readAllBytes()).containsExactly('R', 'I', 'F', 'F');
    }

    @Test
    void g711DecodingMatchesTheItuTables() {
        assertThat(G711.ulawToLinear((byte) 0xFF)).isEqualTo((short) 0);
        assertThat(G711.ulawToLinear((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(G711.alawToLinear((byte) 0xD5)).isEqualTo((short) 8);
        assertThat(G711.alawToLinear((byte) 0x2A)).isEqualTo((short) -32256);
    }

    @Test
    void secondReplayIsServedFromTheCache() throws Exception {
        RecordingId id = f.sealedHk(2);
        var viewer = StoreFixture.compliance(Region.HK);
        MediaFile first = f.store.media(viewer, id, "advisor");
        var modified = Files.getLastModifiedTime(first.path());
        MediaFile second = f.store.media(viewer, id, "advisor");
        assertThat(second.path()).isEqualTo(first.path());
        assertThat(Files.getLastModifiedTime(second.path())).isEqualTo(modified);
        assertThat(second.duration()).isEqualTo(first.duration());
        assertThat(WebmReader.parse(Files.readAllBytes(second.path())).blocks).hasSize(100);
    }

    @Test
    void concurrentFirstReplaysOfOneLegShareOneCompleteExport() throws Exception {
        RecordingId id = f.sealedHk(3);
        var viewer = StoreFixture.compliance(Region.HK);
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var a = pool.submit(() -> f.store.media(viewer, id, "customer"));
            var b = pool.submit(() -> f.store.media(viewer, id, "customer"));
            assertThat(a.get().path()).isEqualTo(b.get().path());
            assertThat(a.get().size()).isEqualTo(b.get().size()).isEqualTo(Files.size(a.get().path()));
        }
        assertThat(WebmReader.parse(Files.readAllBytes(f.store.media(viewer, id, "customer").path())).blocks)
                .hasSize(150);
    }

    @Test
    void rtpHeaderWithCsrcsExtensionAndPaddingYieldsThePayload() {
        byte[] payload = {1, 2, 3};
        byte[] b = new byte[12 + 4 + 8 + 3 + 4];
        b[0] = (byte) (0x80 | 0x20 | 0x10 | 1); // padding, extension, one CSRC
        b[1] = (byte) (0x80 | 96);
        b[16 + 2] = 0;
        b[16 + 3] = 1; // extension of one 32-bit word
        System.arraycopy(payload, 0, b, 24, 3);
        b[b.length - 1] = 4; // four bytes of padding
        var p = org.mvtm.recording.export.RtpPacket.parse(b, 0, b.length);
        assertThat(p.payloadType()).isEqualTo(96);
        assertThat(p.marker()).isTrue();
        assertThat(java.util.Arrays.copyOfRange(b, p.payloadOffset(), p.payloadOffset() + p.payloadLength()))
                .containsExactly(1, 2, 3);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.mvtm.recording.export.RtpPacket.parse(
                new byte[] {0x40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 0, 12)).hasMessageContaining("version must be 2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> org.mvtm.recording.export.RtpPacket.parse(
                new byte[] {(byte) 0x80, 96}, 0, 2)).hasMessageContaining("shorter than 12 bytes: 2");
    }

    @Test
    void paddingProbesRtxAndASenderChangeDoNotBreakTheVideo() throws Exception {
        long start = Rtp.micros(StoreFixture.T0);
        List<Pkt> packets = new ArrayList<>(videoPackets(start));
        // a padding-only probe on the video SSRC between frame 0 and 1 takes sequence number 65533
        List<Pkt> shifted = new ArrayList<>();
        for (Pkt p : packets) {
            byte[] rtp = p.rtp().clone();
            int seq = ((rtp[2] & 0xff) << 8) | (rtp[3] & 0xff);
            if (p.arrival() > start) {
                seq = (seq + 1) & 0xffff;
            }
            rtp[2] = (byte) (seq >> 8);
            rtp[3] = (byte) seq;
            shifted.add(new Pkt(p.arrival(), rtp));
        }
        byte[] probe = Rtp.packet(96, false, 65533, 0, 77, new byte[0]);
        shifted.add(3, new Pkt(start + 1000, probe));
        // RTX (PT 97, not in the leg description) must be ignored
        shifted.add(20, new Pkt(start + 200_000, Rtp.packet(97, true, 1, 0, 78, new byte[] {0x10, 0, 0, 0, 0})));
        // after frame 89 the sender restarts with a new SSRC, sequence and timestamp base, key frame first
        for (int i = 0; i < 30; i++) {
            byte[] frame = vp8Frame(i == 0, 900, i);
            byte[] payload = new byte[frame.length + 1];
            payload[0] = 0x10;
            System.arraycopy(frame, 0, payload, 1, frame.length);
            shifted.add(new Pkt(start + 3_000_000 + i * 33_333L, Rtp.packet(96, true, 100 + i, 5_000_000 + i * 3000L,
                    99, payload)));
        }
        WebmReader w = exportVideo(shifted);
        assertThat(w.blocks).hasSize(90 + 30);
        assertThat(w.blocks.get(90).key()).isTrue();
        assertThat(w.blocks.get(90).timeMillis()).isEqualTo(3000);
        assertThat(w.blocks).extracting(WebmReader.Block::timeMillis).isSorted();
    }

    /**
     * The camera is switched (a new sender) while the old sender's last frames are still arriving late, and the new
     * sender's first key frame is slow: the new frames' timing puts them up to half a second before the old sender's
     * last frames. The replay keeps each sender's frames in the order they were sent, the old before the new: a new key
     * frame with old inter frames after it would show a broken picture until the next key frame.
     */
    @Test
    void aNewSenderWhoseFramesTimeEarlierThanTheOldSendersLastOnesIsReplayedAfterThem() throws Exception {
        long start = Rtp.micros(StoreFixture.T0);
        List<Pkt> packets = new ArrayList<>(videoPackets(start));
        for (int i = 0; i < 30; i++) {
            byte[] frame = vp8Frame(i == 0, 900, i);
            byte[] payload = new byte[frame.length + 1];
            payload[0] = 0x10;
            System.arraycopy(frame, 0, payload, 1, frame.length);
            long arrival = Math.max(start + 2_500_000 + i * 33_333L, start + 3_100_000);
            packets.add(new Pkt(arrival, Rtp.packet(96, true, 100 + i, 5_000_000 + i * 3000L, 99, payload)));
        }
        WebmReader w = exportVideo(packets);
        assertThat(w.blocks).hasSize(90 + 30);
        assertThat(w.blocks).extracting(WebmReader.Block::timeMillis).isSorted();
        assertThat(w.blocks.subList(0, 90)).as("the old sender's frames first")
                .allSatisfy(b -> assertThat(b.data()).hasSize(2500));
        assertThat(w.blocks.get(90).key()).as("then the new sender's key frame").isTrue();
        assertThat(w.blocks.subList(90, 120)).extracting(b -> (int) b.data()[899])
                .as("and its frames in the order sent").isEqualTo(java.util.stream.IntStream.range(0, 30).boxed().toList());
    }

    @Test
    void aWholeLostFrameAlsoWaitsForTheNextKeyFrame() throws Exception {
        List<Pkt> packets = videoPackets(Rtp.micros(StoreFixture.T0));
        packets.subList(40 * 3, 41 * 3).clear(); // all three packets of frame 40
        WebmReader w = exportVideo(packets);
        assertThat(w.blocks).hasSize(40 + 30); // frames 0..39, then 60..89
        assertThat(w.blocks.get(40).key()).isTrue();
    }

    @Test
    void anIngestedLiveWebmIsStoredEncryptedAndRemuxedWithDurationAndCues() throws Exception {
        // a "live" WebM like Kurento's RecorderEndpoint writes: our muxer's output with Duration and Cues cut away
        WebmReader source = exportVideo(videoPackets(Rtp.micros(StoreFixture.T0)));
        Path live = tmp.resolve("kurento-leg.webm");
        Files.write(live, liveWebm(source));
        WebmReader liveRead = WebmReader.parse(Files.readAllBytes(live));
        assertThat(liveRead.hasCues).isFalse();
        assertThat(liveRead.durationMillis).isNegative();
        assertThat(liveRead.blocks).hasSize(90);

        ActiveRecording r = f.startHk();
        r.legAdded(new LegDescription("kurento-customer", "customer", List.of(StoreFixture.VP8)));
        r.ingestFile("kurento-customer", live, "video/webm");
        r.seal();
        var viewer = StoreFixture.compliance(Region.HK);
        assertThat(f.store.verify(viewer, r.id()).ok()).isTrue();
        assertThat(StoreFixture.filesContaining(f.recordingDir(r.id().value()), Files.readAllBytes(live)))
                .as("files holding the plaintext").isEmpty();
        MediaFile m = f.store.media(viewer, r.id(), "kurento-customer");
        assertThat(m.contentType()).isEqualTo("video/webm");
        WebmReader w = WebmReader.parse(Files.readAllBytes(m.path()));
        assertThat(w.blocks).hasSize(90);
        assertThat(w.hasCues).isTrue();
        assertThat(w.cuePoints).isEqualTo(3);
        assertThat(w.durationMillis).isEqualTo(source.durationMillis);
        assertThat(f.store.timeline(viewer, r.id())).anySatisfy(e -> assertThat(e.text()).contains("ingested"));
    }

    @Test
    void ingestRejectsMissingFilesAndKeepsOtherTypesAsTheyAre() throws Exception {
        ActiveRecording r = f.startHk();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.ingestFile("leg", tmp.resolve("nope.webm"),
                "video/webm")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope.webm");
        Path wav = tmp.resolve("leg.wav");
        Files.write(wav, new byte[] {'R', 'I', 'F', 'F', 1, 2, 3});
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.ingestFile("leg", wav, "wav"))
                .hasMessageContaining("content type");
        r.ingestFile("sip", wav, "audio/wav");
        r.seal();
        MediaFile m = f.store.media(StoreFixture.compliance(Region.HK), r.id(), "sip");
        assertThat(Files.readAllBytes(m.path())).containsExactly('R', 'I', 'F', 'F', 1, 2, 3);
        assertThat(m.contentType()).isEqualTo("audio/wav");
    }

    /** Rewrites a WebM as a live recorder would: no Duration in Info, no Cues, no SeekHead. */
    private static byte[] liveWebm(WebmReader source) throws Exception {
        Path tmpOut = Files.createTempFile("live", ".webm");
        try {
            List<org.mvtm.recording.export.WebmMuxer.Frame> frames = new ArrayList<>();
            for (int i = 0; i < source.blocks.size(); i++) {
                var b = source.blocks.get(i);
                frames.add(new org.mvtm.recording.export.WebmMuxer.Frame(b.track(), b.timeMillis(), b.key(), i,
                        b.data().length));
            }
            org.mvtm.recording.export.WebmMuxer.write(tmpOut, frames, true, 320, 240, false,
                    fr -> source.blocks.get((int) fr.spoolOffset()).data());
            byte[] all = Files.readAllBytes(tmpOut);
            // blank the Duration element id and the Cues id with EBML Void (0xEC) padding of equal length
            replace(all, new byte[] {0x44, (byte) 0x89, (byte) 0x88}, new byte[] {(byte) 0xEC, (byte) 0x89, 0x00});
            int cues = lastIndexOf(all, new byte[] {0x1C, 0x53, (byte) 0xBB, 0x6B}); // the SeekHead names it too
            return java.util.Arrays.copyOf(all, cues);
        } finally {
            Files.deleteIfExists(tmpOut);
        }
    }

    private static void replace(byte[] hay, byte[] needle, byte[] with) {
        int i = StoreFixture.indexOf(hay, needle);
        assertThat(i).isNotNegative();
        System.arraycopy(with, 0, hay, i, with.length);
    }

    private static int lastIndexOf(byte[] hay, byte[] needle) {
        for (int i = hay.length - needle.length; i >= 0; i--) {
            if (java.util.Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
