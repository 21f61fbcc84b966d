package org.mvtm.core.media;

/** The fixed RTP header (RFC 3550 5.1) as every sender here writes it: version 2, no padding, extension or CSRCs. */
public final class RtpHeader {
    /** Its length in bytes. */
    public static final int LENGTH = 12;

    private RtpHeader() {}

    /** Writes the header at {@code off} of {@code b}: the payload follows at {@code off + LENGTH}. */
    public static void write(byte[] b, int off, boolean marker, int payloadType, int seq, long timestamp, long ssrc) {
        b[off] = (byte) 0x80;
        b[off + 1] = (byte) ((marker ? 0x80 : 0) | (payloadType & 0x7F));
        b[off + 2] = (byte) (seq >>> 8);
        b[off + 3] = (byte) seq;
        b[off + 4] = (byte) (timestamp >>> 24);
        b[off + 5] = (byte) (timestamp >>> 16);
        b[off + 6] = (byte) (timestamp >>> 8);
        b[off + 7] = (byte) timestamp;
        b[off + 8] = (byte) (ssrc >>> 24);
        b[off + 9] = (byte) (ssrc >>> 16);
        b[off + 10] = (byte) (ssrc >>> 8);
        b[off + 11] = (byte) ssrc;
    }
}
