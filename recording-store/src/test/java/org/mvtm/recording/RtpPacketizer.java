package org.mvtm.recording;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mvtm.core.media.MediaKind;
import org.mvtm.recording.export.WebmReader;

/**
 * Test packetizer: turns WebM frames into RTP as a browser would send them. VP8 per RFC 7741 (one-byte payload
 * descriptor, S bit on the first packet of a frame, marker on the last, 90 kHz timestamps, at most 1100 bytes of
 * payload per packet); Opus per RFC 7587 (one Opus packet per RTP packet, 48 kHz timestamps).
 */
public final class RtpPacketizer {
    public record Sent(MediaKind kind, long arrivalMicros, byte[] rtp) {
    }

    private RtpPacketizer() {
    }

    public static List<Sent> packetize(WebmReader webm, long startMicros) {
        List<Sent> out = new ArrayList<>();
        int videoSeq = 1000;
        int audioSeq = 5000;
        long first = webm.blocks.stream().mapToLong(WebmReader.Block::timeMillis).min().orElse(0);
        for (WebmReader.Block blk : webm.blocks) {
            String codec = webm.codecOf(blk.track());
            long rel = blk.timeMillis() - first;
            long arrival = startMicros + rel * 1000;
            if ("V_VP8".equals(codec)) {
                long ts = 12345 + rel * 90;
                byte[] frame = blk.data();
                for (int off = 0; off < frame.length; off += 1100) {
                    int len = Math.min(1100, frame.length - off);
                    byte[] payload = new byte[len + 1];
                    payload[0] = (byte) (off == 0 ? 0x10 : 0x00);
                    System.arraycopy(frame, off, payload, 1, len);
                    boolean last = off + len >= frame.length;
                    out.add(new Sent(MediaKind.VIDEO, arrival, Rtp.packet(96, last, videoSeq++ & 0xffff, ts, 0xAABB,
                            payload)));
                }
            } else if ("A_OPUS".equals(codec)) {
                long ts = 777 + rel * 48;
                out.add(new Sent(MediaKind.AUDIO, arrival, Rtp.packet(111, false, audioSeq++ & 0xffff, ts, 0xCCDD,
                        blk.data())));
            }
        }
        out.sort(Comparator.comparingLong(Sent::arrivalMicros));
        return out;
    }
}
