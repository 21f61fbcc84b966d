package org.mvtm.recording;

import java.time.Instant;
import org.mvtm.core.media.RtpHeader;

/** Builds RTP packets for tests. */
public final class Rtp {
    private Rtp() {
    }

    public static byte[] packet(int pt, boolean marker, int seq, long ts, long ssrc, byte[] payload) {
        byte[] b = new byte[12 + payload.length];
        RtpHeader.write(b, 0, marker, pt, seq, ts, ssrc);
        System.arraycopy(payload, 0, b, 12, payload.length);
        return b;
    }

    public static long micros(Instant i) {
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1000;
    }
}
