package org.mvtm.sip.support;

import org.mvtm.core.media.G711;
import org.mvtm.core.media.RtpHeader;

/** RTP (RFC 3550) packets as the test peers write them: a 12-byte header, then the payload. */
public final class RtpPackets {
    /** Samples in a 20 ms packet of 8 kHz audio. */
    public static final int SAMPLES = 160;

    private RtpPackets() {
    }

    /**
     * Writes into {@code packet} (12 + {@link #SAMPLES} bytes) the PCMU packet {@code seq} of a 440 Hz tone at
     * {@code amplitude}, whose first sample is sample {@code timestamp} of the tone.
     */
    public static void tone(byte[] packet, int seq, long timestamp, long ssrc, double amplitude) {
        RtpHeader.write(packet, 0, false, 0, seq, timestamp, ssrc);
        for (int i = 0; i < SAMPLES; i++) {
            double t = (timestamp + i) / 8000.0;
            packet[12 + i] = G711.linearToUlaw((short) (amplitude * Math.sin(2 * Math.PI * 440 * t)));
        }
    }
}
