package org.mvtm.recording.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a seekable WebM file from frames already sorted by presentation time: EBML header, Segment (size patched at
 * the end), SeekHead (Info, Tracks, Cues), Info with Duration, Tracks (VP8 video and/or Opus audio), Clusters of
 * SimpleBlocks (a new cluster at each video key frame, or every 5 s, or before the 16-bit block offset overflows),
 * and Cues pointing at every cluster that starts with a key frame, so a browser can seek.
 */
public final class WebmMuxer {
    public static final int VIDEO_TRACK = 1;
    public static final int AUDIO_TRACK = 2;

    /** A frame to mux: where its bytes are in the spool, its time in milliseconds and whether it is a key frame. */
    public record Frame(int track, long ptsMillis, boolean key, long spoolOffset, int length) {
    }

    /** Reads frame bytes back from where depacketizing spooled them. */
    public interface FrameSource {
        byte[] read(Frame f) throws IOException;
    }

    private static final int EBML = 0x1A45DFA3;
    private static final int SEGMENT = 0x18538067;
    private static final int SEEK_HEAD = 0x114D9B74;
    private static final int SEEK = 0x4DBB;
    private static final int SEEK_ID = 0x53AB;
    private static final int SEEK_POSITION = 0x53AC;
    private static final int INFO = 0x1549A966;
    private static final int TRACKS = 0x1654AE6B;
    private static final int CLUSTER = 0x1F43B675;
    private static final int CUES = 0x1C53BB6B;

    private WebmMuxer() {
    }

    /**
     * @param width  video width from the first key frame (0 when there is no video)
     * @return the duration in milliseconds written into Info
     */
    public static long write(Path out, List<Frame> frames, boolean hasVideo, int width, int height, boolean hasAudio,
                             FrameSource source) throws IOException {
        long lastVideo = -1;
        long lastAudio = -1;
        for (Frame f : frames) {
            if (f.track() == VIDEO_TRACK) {
                lastVideo = Math.max(lastVideo, f.ptsMillis());
            } else {
                lastAudio = Math.max(lastAudio, f.ptsMillis());
            }
        }
        long durationMs = Math.max(lastVideo < 0 ? 0 : lastVideo + 33, lastAudio < 0 ? 0 : lastAudio + 20);

        Ebml header = new Ebml().uint(0x4286, 1).uint(0x42F7, 1).uint(0x42F2, 4).uint(0x42F3, 8)
                .string(0x4282, "webm").uint(0x4287, 4).uint(0x4285, 2);
        Ebml info = new Ebml().uint(0x2AD7B1, 1_000_000).string(0x4D80, "mvtm-recording-store")
                .string(0x5741, "mvtm-recording-store").float64(0x4489, (double) durationMs);
        Ebml tracks = new Ebml();
        if (hasVideo) {
            tracks.master(0xAE, new Ebml().uint(0xD7, VIDEO_TRACK).uint(0x73C5, VIDEO_TRACK).uint(0x83, 1)
                    .uint(0x9C, 0).string(0x86, "V_VP8")
                    .master(0xE0, new Ebml().uint(0xB0, width).uint(0xBA, height)));
        }
        if (hasAudio) {
            tracks.master(0xAE, new Ebml().uint(0xD7, AUDIO_TRACK).uint(0x73C5, AUDIO_TRACK).uint(0x83, 2)
                    .uint(0x9C, 0).string(0x86, "A_OPUS").binary(0x63A2, opusHead()).uint(0x56AA, 0)
                    .uint(0x56BB, 80_000_000L)
                    .master(0xE1, new Ebml().float64(0xB5, 48000.0).uint(0x9F, 2)));
        }
        byte[] infoBytes = element(INFO, info.bytes());
        byte[] tracksBytes = element(TRACKS, tracks.bytes());
        int seekHeadLength = seekHead(0, 0, 0).length;

        try (RandomAccessFile f = new RandomAccessFile(out.toFile(), "rw")) {
            f.setLength(0);
            f.write(element(EBML, header.bytes()));
            ByteArrayOutputStream seg = new ByteArrayOutputStream();
            Ebml.id(seg, SEGMENT);
            Ebml.sizeFixed(seg, 0, 8);
            f.write(seg.toByteArray());
            long segmentSizeAt = f.getFilePointer() - 8;
            long segmentData = f.getFilePointer();
            long infoPos = seekHeadLength;
            long tracksPos = infoPos + infoBytes.length;
            f.write(seekHead(infoPos, tracksPos, 0));
            f.write(infoBytes);
            f.write(tracksBytes);

            List<long[]> cues = new ArrayList<>();
            ByteArrayOutputStream cluster = null;
            long clusterTime = 0;
            for (Frame fr : frames) {
                boolean startNew = cluster == null
                        || (hasVideo && fr.track() == VIDEO_TRACK && fr.key() && cluster.size() > 0)
                        || fr.ptsMillis() - clusterTime >= 5000
                        || fr.ptsMillis() - clusterTime > Short.MAX_VALUE;
                if (startNew) {
                    if (cluster != null) {
                        f.write(element(CLUSTER, cluster.toByteArray()));
                    }
                    cluster = new ByteArrayOutputStream();
                    clusterTime = fr.ptsMillis();
                    cluster.writeBytes(new Ebml().uint(0xE7, clusterTime).bytes());
                    boolean cueable = hasVideo ? fr.track() == VIDEO_TRACK && fr.key() : true;
                    if (cueable) {
                        cues.add(new long[] {clusterTime, f.getFilePointer() - segmentData, fr.track()});
                    }
                }
                byte[] data = source.read(fr);
                ByteArrayOutputStream block = new ByteArrayOutputStream(data.length + 4);
                Ebml.size(block, fr.track());
                int rel = (int) (fr.ptsMillis() - clusterTime);
                block.write(rel >> 8);
                block.write(rel);
                block.write(fr.key() || fr.track() == AUDIO_TRACK ? 0x80 : 0x00);
                block.writeBytes(data);
                Ebml.id(cluster, 0xA3);
                Ebml.size(cluster, block.size());
                block.writeTo(cluster);
            }
            if (cluster != null) {
                f.write(element(CLUSTER, cluster.toByteArray()));
            }
            long cuesPos = f.getFilePointer() - segmentData;
            Ebml cueElements = new Ebml();
            for (long[] c : cues) {
                cueElements.master(0xBB, new Ebml().uint(0xB3, c[0])
                        .master(0xB7, new Ebml().uint(0xF7, c[2]).uint(0xF1, c[1])));
            }
            if (cues.isEmpty()) {
                cueElements.master(0xBB, new Ebml().uint(0xB3, 0)
                        .master(0xB7, new Ebml().uint(0xF7, hasVideo ? VIDEO_TRACK : AUDIO_TRACK)
                                .uint(0xF1, tracksPos + tracksBytes.length)));
            }
            f.write(element(CUES, cueElements.bytes()));
            long end = f.getFilePointer();
            f.seek(segmentData);
            f.write(seekHead(infoPos, tracksPos, cuesPos));
            f.seek(segmentSizeAt);
            ByteArrayOutputStream size = new ByteArrayOutputStream();
            Ebml.sizeFixed(size, end - segmentData, 8);
            f.write(size.toByteArray());
        }
        return durationMs;
    }

    private static byte[] seekHead(long info, long tracks, long cues) {
        Ebml e = new Ebml();
        e.master(SEEK, new Ebml().binary(SEEK_ID, idBytes(INFO)).uint8(SEEK_POSITION, info));
        e.master(SEEK, new Ebml().binary(SEEK_ID, idBytes(TRACKS)).uint8(SEEK_POSITION, tracks));
        e.master(SEEK, new Ebml().binary(SEEK_ID, idBytes(CUES)).uint8(SEEK_POSITION, cues));
        return element(SEEK_HEAD, e.bytes());
    }

    private static byte[] idBytes(int id) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        Ebml.id(o, id);
        return o.toByteArray();
    }

    private static byte[] element(int id, byte[] body) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(body.length + 12);
        Ebml.id(o, id);
        Ebml.size(o, body.length);
        o.writeBytes(body);
        return o.toByteArray();
    }

    /** RFC 7845 identification header: version 1, 2 channels, no pre-skip, 48 kHz, gain 0, mapping family 0. */
    private static byte[] opusHead() {
        return new byte[] {'O', 'p', 'u', 's', 'H', 'e', 'a', 'd', 1, 2, 0, 0, (byte) 0x80, (byte) 0xBB, 0, 0, 0, 0,
                0};
    }
}
