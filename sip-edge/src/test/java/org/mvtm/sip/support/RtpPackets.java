package org.mvtm.sip.support;

import org.mvtm.core.media.G711;

/** RTP (RFC 3550) packets as the test peers write them: a 12-byte header, then the payload. */
public final class RtpPackets {
    /** Samples in a 20 ms packet of 8 kHz audio. */
    public static final int SAMPLES = 160;

    private RtpPackets() {
    }

    /** Writes a version 2 header (no padding, extension or CSRCs) at the start of {@code packet}. */
    public static void header(byte[] packet, int payloadType, int seq, long timestamp, long ssrc) {
        packet[0] = (byte) 0x80;
        packet[1] = (byte) payloadType;
        packet[2] = (byte) (seq >> 8);
        packet[3] = (byte) seq;
        packet[4] = (byte) (timestamp >> 24);
        packet[5] = (byte) (timestamp >> 16);
        packet[6] = (byte) (timestamp >> 8);
        packet[7] = (byte) timestamp;
        packet[8] = (byte) (ssrc >> 24);
        packet[9] = (byte) (ssrc >> 16);
        packet[10] = (byte) (ssrc >> 8);
        packet[11] = (byte) ssrc;
    }

    /**
     * Writes into {@code packet} (12 + {@link #SAMPLES} bytes) the PCMU packet {@code seq} of a 440 Hz tone at
     * {@code amplitude}, whose first sample is sample {@code timestamp} of the tone.
     */
    public static void tone(byte[] packet, int seq, long timestamp, long ssrc, double amplitude) {
        header(packet, 0, seq, timestamp, ssrc);
        for (int i = 0; i < SAMPLES; i++) {
            double t = (timestamp + i) / 8000.0;
            packet[12 + i] = G711.linearToUlaw((short) (amplitude * Math.sin(2 * Math.PI * 440 * t)));
        }
    }
}
