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
        setSequence(b, off, seq);
        setTimestamp(b, off, timestamp);
        setSsrc(b, off, ssrc);
    }

    /** Rewrites the sequence number of the header at {@code off} in place. */
    public static void setSequence(byte[] b, int off, int seq) {
        b[off + 2] = (byte) (seq >>> 8);
        b[off + 3] = (byte) seq;
    }

    /** Rewrites the timestamp of the header at {@code off} in place. */
    public static void setTimestamp(byte[] b, int off, long timestamp) {
        writeUint32(b, off + 4, timestamp);
    }

    /** Rewrites the SSRC of the header at {@code off} in place. */
    public static void setSsrc(byte[] b, int off, long ssrc) {
        writeUint32(b, off + 8, ssrc);
    }

    private static void writeUint32(byte[] b, int p, long v) {
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
    }
}
