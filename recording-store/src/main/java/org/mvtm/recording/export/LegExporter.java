package org.mvtm.recording.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.mvtm.core.media.G711;
import org.mvtm.core.media.PayloadType;
import org.mvtm.core.media.Wav;
import org.mvtm.recording.manifest.LegEntry;
import org.mvtm.recording.manifest.SegmentEntry;
import org.mvtm.recording.store.SegmentRecords;

/**
 * Turns a leg's decrypted segments into one playable file without transcoding:
 * <ul>
 *   <li>VP8 video (RFC 7741 depacketizing) and/or Opus audio (RFC 7587: one Opus packet per RTP packet) → WebM;</li>
 *   <li>G.711 (PCMU/PCMA) audio only → 8 kHz 16-bit mono WAV (there is no Opus encoder in pure Java to put G.711
 *   into WebM).</li>
 * </ul>
 * Timing: each track (one sender's run of packets) advances by RTP timestamp / clock rate from an anchor on the
 * recording's clock, so audio and video stay aligned as they arrived. The anchor is the earliest that the run's media
 * packets allow (a packet's arrival less its RTP time since the run began), not the first packet's arrival: a first key
 * frame that took long to encode or send would otherwise push every later frame late by that much. Where that value
 * moves by more than {@link #TIMESTAMP_JUMP_MICROS} (a sender's timestamps jump, or one packet comes very late), the
 * frames from there on are anchored afresh. A frame that would fall before the leg's first packet is placed at its
 * start, and one that would fall before the frame sent ahead of it on its track (after such a fresh anchor, or a new
 * sender whose first key frame was slow) is placed with that frame, so the decoder gets each track's frames in the
 * order they were sent. Pass one depacketizes into a spool file and an index; pass two sorts frames by time and muxes
 * them. Packets are reordered by sequence number within a 64-packet window.
 */
public final class LegExporter {

    enum Codec { VP8, OPUS, PCMU, PCMA, OTHER }

    public static String contentType(LegEntry leg) {
        if (leg.ingestedType() != null) {
            return leg.ingestedType();
        }
        boolean video = false;
        boolean opus = false;
        boolean g711 = false;
        for (PayloadType p : leg.payloadTypes()) {
            switch (codecOf(p)) {
                case VP8 -> video = true;
                case OPUS -> opus = true;
                case PCMU, PCMA -> g711 = true;
                default -> { }
            }
        }
        if (video) {
            return "video/webm";
        }
        if (opus) {
            return "audio/webm";
        }
        return g711 ? "audio/wav" : "video/webm";
    }

    public static String extension(LegEntry leg) {
        String t = contentType(leg);
        if (t.endsWith("/webm")) {
            return ".webm";
        }
        if (t.endsWith("/wav") || t.endsWith("/x-wav")) {
            return ".wav";
        }
        return switch (t) {
            case "video/mp4" -> ".mp4";
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "application/json" -> ".json";
            default -> ".bin";
        };
    }

    private static Codec codecOf(PayloadType p) {
        return switch (p.encoding().toUpperCase(Locale.ROOT)) {
            case "VP8" -> Codec.VP8;
            case "OPUS" -> Codec.OPUS;
            case "PCMU" -> Codec.PCMU;
            case "PCMA" -> Codec.PCMA;
            default -> Codec.OTHER;
        };
    }

    private static Codec codecOf(LegEntry leg, int pt, boolean video) {
        for (PayloadType p : leg.payloadTypes()) {
            if (p.number() == pt) {
                return codecOf(p);
            }
        }
        if (!leg.payloadTypes().isEmpty()) {
            return Codec.OTHER; // e.g. RTX or FEC on a payload type the leg description did not list
        }
        if (video) {
            return Codec.VP8;
        }
        return pt == 0 ? Codec.PCMU : pt == 8 ? Codec.PCMA : Codec.OPUS;
    }

    /** Re-describes a cached export from its {@code .meta} side file. */
    public ExportedMedia describe(Path out, LegEntry leg) throws IOException {
        long ms = Long.parseLong(Files.readString(meta(out)).trim());
        return new ExportedMedia(out, Files.size(out), contentType(leg), Duration.ofMillis(ms));
    }

    private static Path meta(Path out) {
        return out.resolveSibling(out.getFileName() + ".meta");
    }

    /** How far a packet's arrival may stray from its RTP time's place before its frames are anchored afresh. */
    static final long TIMESTAMP_JUMP_MICROS = 1_000_000;

    /** A depacketized frame whose place waits for its run's anchor: its RTP time since the run began. */
    private record Pending(long elapsedMillis, boolean key, long spoolOffset, int length) {
    }

    /** One track's timing and reorder state. */
    private static final class Track {
        final Codec codec;
        final int clockRate;
        final TreeMap<Long, RtpPacket> reorder = new TreeMap<>();
        final Map<Long, Long> arrivalOfSeq = new HashMap<>();
        long ssrc = -1;
        long highestSeq = -1;
        long lastTs = -1;
        long extTs;
        long firstExtTs = Long.MIN_VALUE;
        long firstArrivalMicros;
        long anchorMicros = Long.MAX_VALUE;
        final List<Pending> pending = new ArrayList<>();
        /** Where the track's last placed frame went: no later frame goes before it. */
        long lastPlacedMillis;
        Vp8Depacketizer vp8;

        /** A track whose frames go nowhere before {@code lastPlacedMillis} (the previous sender's last frame). */
        Track(Codec codec, long lastPlacedMillis) {
            this.codec = codec;
            this.lastPlacedMillis = lastPlacedMillis;
            this.clockRate = codec == Codec.VP8 ? 90_000 : codec == Codec.OPUS ? 48_000 : 8_000;
            if (codec == Codec.VP8) {
                vp8 = new Vp8Depacketizer();
            }
        }

        long extendSeq(int seq) {
            if (highestSeq < 0) {
                highestSeq = seq + 65536L;
                return highestSeq;
            }
            long cand = (highestSeq & ~0xffffL) | seq;
            if (cand - highestSeq > 32768) {
                cand -= 65536;
            } else if (highestSeq - cand > 32768) {
                cand += 65536;
            }
            highestSeq = Math.max(highestSeq, cand);
            return cand;
        }

        long extendTs(long ts) {
            if (lastTs < 0) {
                extTs = ts;
            } else {
                extTs += (int) (ts - lastTs);
            }
            lastTs = ts;
            return extTs;
        }

        /**
         * A media packet of this run arrived at {@code arrivalMicros}, {@code ext} in RTP time. Where it strays from
         * the anchor by more than a jump, the frames so far are placed and the next ones anchored afresh.
         */
        void arrived(long arrivalMicros, long ext, int slot, long originMicros, List<WebmMuxer.Frame> frames) {
            long at = arrivalMicros - (ext - firstExtTs) * 1_000_000 / clockRate;
            if (anchorMicros != Long.MAX_VALUE && Math.abs(at - anchorMicros) > TIMESTAMP_JUMP_MICROS) {
                placeFrames(slot, originMicros, frames);
                anchorMicros = at;
            } else {
                anchorMicros = Math.min(anchorMicros, at);
            }
        }

        /** Places the frames depacketized so far on the leg's clock (millis since {@code originMicros}). */
        void placeFrames(int slot, long originMicros, List<WebmMuxer.Frame> frames) {
            long offsetMillis = Math.round((anchorMicros - originMicros) / 1000.0);
            for (Pending f : pending) {
                lastPlacedMillis = Math.max(lastPlacedMillis, offsetMillis + f.elapsedMillis());
                frames.add(new WebmMuxer.Frame(slot == 0 ? WebmMuxer.VIDEO_TRACK : WebmMuxer.AUDIO_TRACK,
                        lastPlacedMillis, f.key(), f.spoolOffset(), f.length()));
            }
            pending.clear();
        }
    }

    public ExportedMedia export(List<SegmentEntry> segments, Function<SegmentEntry, byte[]> decrypt, LegEntry leg,
                                Path out) throws IOException {
        String type = contentType(leg);
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        long durationMs = leg.ingestedType() != null ? exportIngested(segments, decrypt, leg, tmp)
                : type.equals("audio/wav") ? exportWav(segments, decrypt, leg, tmp)
                : exportWebm(segments, decrypt, leg, tmp);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(meta(out), Long.toString(durationMs));
        return new ExportedMedia(out, Files.size(out), type, Duration.ofMillis(durationMs));
    }

    private long exportWebm(List<SegmentEntry> segments, Function<SegmentEntry, byte[]> decrypt, LegEntry leg,
                            Path out) throws IOException {
        Path spool = out.resolveSibling(out.getFileName() + ".spool");
        List<WebmMuxer.Frame> frames = new ArrayList<>();
        int[] dims = new int[2];
        boolean[] has = new boolean[2];
        try (OutputStream spoolOut = new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16)) {
            long[] spoolPos = {0};
            long[] origin = {Long.MIN_VALUE};
            Track[] tracks = new Track[2];
            for (SegmentEntry seg : segments) {
                byte[] plain = decrypt.apply(seg);
                for (SegmentRecords.Record r : SegmentRecords.decode(plain)) {
                    if (r.type() == SegmentRecords.TIMELINE) {
                        continue;
                    }
                    if (origin[0] == Long.MIN_VALUE) {
                        origin[0] = r.arrivalMicros();
                    }
                    RtpPacket p;
                    try {
                        p = RtpPacket.parse(r.buffer(), r.offset(), r.length());
                    } catch (IllegalArgumentException e) {
                        continue;
                    }
                    boolean isVideo = r.type() == SegmentRecords.VIDEO;
                    Codec c = codecOf(leg, p.payloadType(), isVideo);
                    int slot = isVideo ? 0 : 1;
                    if ((isVideo && c != Codec.VP8) || (!isVideo && c != Codec.OPUS)) {
                        continue;
                    }
                    if (tracks[slot] == null) {
                        tracks[slot] = new Track(c, 0);
                    }
                    Track t = tracks[slot];
                    if (t.ssrc >= 0 && t.ssrc != p.ssrc()) {
                        // new sender (renegotiation, camera switch): flush, then re-anchor on arrival time
                        while (!t.reorder.isEmpty()) {
                            emit(t, slot, origin[0], spoolOut, spoolPos, frames, dims, has);
                        }
                        t.placeFrames(slot, origin[0], frames);
                        tracks[slot] = new Track(c, t.lastPlacedMillis);
                        t = tracks[slot];
                    }
                    t.ssrc = p.ssrc();
                    long ext = t.extendSeq(p.sequence());
                    if (t.reorder.containsKey(ext)) {
                        continue;
                    }
                    t.reorder.put(ext, p);
                    t.arrivalOfSeq.put(ext, r.arrivalMicros());
                    while (t.reorder.size() > 64) {
                        emit(t, slot, origin[0], spoolOut, spoolPos, frames, dims, has);
                    }
                }
            }
            for (int slot = 0; slot < 2; slot++) {
                if (tracks[slot] != null) {
                    while (!tracks[slot].reorder.isEmpty()) {
                        emit(tracks[slot], slot, origin[0], spoolOut, spoolPos, frames, dims, has);
                    }
                    tracks[slot].placeFrames(slot, origin[0], frames);
                }
            }
        }
        try {
            frames.sort(Comparator.comparingLong(WebmMuxer.Frame::ptsMillis));
            try (RandomAccessFile in = new RandomAccessFile(spool.toFile(), "r")) {
                return WebmMuxer.write(out, frames, has[0], dims[0], dims[1], has[1], f -> {
                    byte[] b = new byte[f.length()];
                    in.seek(f.spoolOffset());
                    in.readFully(b);
                    return b;
                });
            }
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    private static void emit(Track t, int slot, long originMicros, OutputStream spool, long[] spoolPos,
                             List<WebmMuxer.Frame> frames, int[] dims, boolean[] has) throws IOException {
        Map.Entry<Long, RtpPacket> e = t.reorder.pollFirstEntry();
        long arrival = t.arrivalOfSeq.remove(e.getKey());
        RtpPacket p = e.getValue();
        long ext = t.extendTs(p.timestamp());
        if (t.firstExtTs == Long.MIN_VALUE) {
            t.firstExtTs = ext;
            t.firstArrivalMicros = arrival;
        }
        if (p.payloadLength() > 0) { // a padding-only probe's timestamp says nothing of when media was sent
            t.arrived(arrival, ext, slot, originMicros, frames);
        }
        byte[] data;
        int off;
        int len;
        boolean key;
        if (t.codec == Codec.VP8) {
            Vp8Depacketizer.Frame f = t.vp8.add(p, ext);
            if (f == null) {
                return;
            }
            if (f.keyFrame() && dims[0] == 0 && f.width() > 0) {
                dims[0] = f.width();
                dims[1] = f.height();
            }
            data = f.data();
            off = 0;
            len = data.length;
            key = f.keyFrame();
        } else {
            data = p.buffer();
            off = p.payloadOffset();
            len = p.payloadLength();
            key = true;
            if (len == 0) {
                return;
            }
        }
        spool.write(data, off, len);
        t.pending.add(new Pending((ext - t.firstExtTs) * 1000 / t.clockRate, key, spoolPos[0], len));
        spoolPos[0] += len;
        has[slot] = true;
    }

    /**
     * Reassembles an ingested file; a WebM (typically a live recording without Duration or Cues, as Kurento writes
     * it) is remuxed frame by frame into a seekable WebM. Returns the duration (0 when unknown).
     */
    private long exportIngested(List<SegmentEntry> segments, Function<SegmentEntry, byte[]> decrypt, LegEntry leg,
                                Path out) throws IOException {
        Path raw = out.resolveSibling(out.getFileName() + ".raw");
        try {
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(raw), 1 << 16)) {
                for (SegmentEntry seg : segments) {
                    for (SegmentRecords.Record r : SegmentRecords.decode(decrypt.apply(seg))) {
                        if (r.type() == SegmentRecords.FILE_CHUNK) {
                            o.write(r.buffer(), r.offset(), r.length());
                        }
                    }
                }
            }
            if (!leg.ingestedType().endsWith("/webm")) {
                Files.move(raw, out, StandardCopyOption.REPLACE_EXISTING);
                return 0;
            }
            WebmReader in = WebmReader.parse(Files.readAllBytes(raw));
            List<WebmMuxer.Frame> frames = new ArrayList<>();
            List<byte[]> data = new ArrayList<>();
            int width = 0;
            int height = 0;
            long first = in.blocks.stream().mapToLong(WebmReader.Block::timeMillis).min().orElse(0);
            for (WebmReader.Block b : in.blocks) {
                String codec = in.codecOf(b.track());
                int track;
                if ("V_VP8".equals(codec)) {
                    track = WebmMuxer.VIDEO_TRACK;
                    boolean key = b.data().length > 0 && (b.data()[0] & 0x01) == 0;
                    if (key && width == 0 && b.data().length >= 10 && (b.data()[3] & 0xff) == 0x9d) {
                        width = ((b.data()[6] & 0xff) | ((b.data()[7] & 0xff) << 8)) & 0x3fff;
                        height = ((b.data()[8] & 0xff) | ((b.data()[9] & 0xff) << 8)) & 0x3fff;
                    }
                    frames.add(new WebmMuxer.Frame(track, b.timeMillis() - first, key, data.size(), b.data().length));
                } else if ("A_OPUS".equals(codec)) {
                    frames.add(new WebmMuxer.Frame(WebmMuxer.AUDIO_TRACK, b.timeMillis() - first, true, data.size(),
                            b.data().length));
                } else {
                    continue; // other codecs (e.g. H.264 from Kurento) are not remuxed
                }
                data.add(b.data());
            }
            if (frames.isEmpty()) {
                Files.move(raw, out, StandardCopyOption.REPLACE_EXISTING);
                return in.durationMillis > 0 ? (long) in.durationMillis : 0;
            }
            frames.sort(Comparator.comparingLong(WebmMuxer.Frame::ptsMillis));
            boolean hasVideo = frames.stream().anyMatch(f -> f.track() == WebmMuxer.VIDEO_TRACK);
            boolean hasAudio = frames.stream().anyMatch(f -> f.track() == WebmMuxer.AUDIO_TRACK);
            return WebmMuxer.write(out, frames, hasVideo, width, height, hasAudio,
                    f -> data.get((int) f.spoolOffset()));
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    private long exportWav(List<SegmentEntry> segments, Function<SegmentEntry, byte[]> decrypt, LegEntry leg,
                           Path out) throws IOException {
        long origin = Long.MIN_VALUE;
        Track t = null;
        long written = 0;
        try (RandomAccessFile f = new RandomAccessFile(out.toFile(), "rw")) {
            f.setLength(0);
            f.write(new byte[44]);
            byte[] pcm = new byte[4096];
            for (SegmentEntry seg : segments) {
                for (SegmentRecords.Record r : SegmentRecords.decode(decrypt.apply(seg))) {
                    if (r.type() != SegmentRecords.AUDIO) {
                        continue;
                    }
                    if (origin == Long.MIN_VALUE) {
                        origin = r.arrivalMicros();
                    }
                    RtpPacket p;
                    try {
                        p = RtpPacket.parse(r.buffer(), r.offset(), r.length());
                    } catch (IllegalArgumentException e) {
                        continue;
                    }
                    Codec c = codecOf(leg, p.payloadType(), false);
                    if (c != Codec.PCMU && c != Codec.PCMA) {
                        continue;
                    }
                    if (t == null) {
                        t = new Track(c, 0);
                        t.firstArrivalMicros = r.arrivalMicros();
                    }
                    long ext = t.extendTs(p.timestamp());
                    if (t.firstExtTs == Long.MIN_VALUE) {
                        t.firstExtTs = ext;
                    }
                    long sample = (t.firstArrivalMicros - origin) * 8 / 1000 + (ext - t.firstExtTs);
                    if (sample < written) {
                        continue; // duplicate or late packet: its place is already written
                    }
                    long gap = Math.min(sample - written, 8000L * 600);
                    while (gap > 0) {
                        int n = (int) Math.min(gap, pcm.length / 2);
                        Arrays.fill(pcm, 0, n * 2, (byte) 0);
                        f.write(pcm, 0, n * 2);
                        gap -= n;
                        written += n;
                    }
                    byte[] samples = new byte[p.payloadLength() * 2];
                    for (int i = 0; i < p.payloadLength(); i++) {
                        byte b = p.buffer()[p.payloadOffset() + i];
                        short s = c == Codec.PCMU ? G711.ulawToLinear(b) : G711.alawToLinear(b);
                        samples[2 * i] = (byte) s;
                        samples[2 * i + 1] = (byte) (s >> 8);
                    }
                    f.write(samples);
                    written += p.payloadLength();
                }
            }
            f.seek(0);
            f.write(Wav.monoHeader(written, 8000));
        }
        return written * 1000 / 8000;
    }
}
