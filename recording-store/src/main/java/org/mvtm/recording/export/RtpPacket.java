package org.mvtm.recording.export;

/**
 * A parsed RTP header (RFC 3550 section 5.1) over a buffer slice; payload excludes CSRCs, header extension and
 * padding.
 */
public record RtpPacket(int payloadType, boolean marker, int sequence, long timestamp, long ssrc, byte[] buffer,
                        int payloadOffset, int payloadLength) {

    /** @throws IllegalArgumentException when the bytes are not a well-formed RTP version 2 packet */
    public static RtpPacket parse(byte[] b, int off, int len) {
        if (len < 12) {
            throw new IllegalArgumentException("RTP packet shorter than 12 bytes: " + len);
        }
        int b0 = b[off] & 0xff;
        if (b0 >> 6 != 2) {
            throw new IllegalArgumentException("RTP version must be 2 but was " + (b0 >> 6));
        }
        int cc = b0 & 0x0f;
        int header = 12 + 4 * cc;
        if ((b0 & 0x10) != 0) {
            if (len < header + 4) {
                throw new IllegalArgumentException("RTP header extension runs past the packet");
            }
            int words = ((b[off + header + 2] & 0xff) << 8) | (b[off + header + 3] & 0xff);
            header += 4 + 4 * words;
        }
        int padding = (b0 & 0x20) != 0 ? b[off + len - 1] & 0xff : 0;
        int payloadLen = len - header - padding;
        if (payloadLen < 0) {
            throw new IllegalArgumentException("RTP header/padding longer than the packet");
        }
        int b1 = b[off + 1] & 0xff;
        int seq = ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
        long ts = ((long) (b[off + 4] & 0xff) << 24) | ((b[off + 5] & 0xff) << 16) | ((b[off + 6] & 0xff) << 8)
                | (b[off + 7] & 0xff);
        long ssrc = ((long) (b[off + 8] & 0xff) << 24) | ((b[off + 9] & 0xff) << 16) | ((b[off + 10] & 0xff) << 8)
                | (b[off + 11] & 0xff);
        return new RtpPacket(b1 & 0x7f, (b1 & 0x80) != 0, seq, ts, ssrc, b, off + header, payloadLen);
    }
}
