package org.mvtm.recording.export;

import org.mvtm.core.media.RtpHeader;

/**
 * A parsed RTP header (RFC 3550 section 5.1) over a buffer slice; payload excludes CSRCs, header extension and
 * padding.
 */
public record RtpPacket(int payloadType, boolean marker, int sequence, long timestamp, long ssrc, byte[] buffer,
                        int payloadOffset, int payloadLength) {

    /** @throws IllegalArgumentException when the bytes are not a well-formed RTP version 2 packet */
    public static RtpPacket parse(byte[] b, int off, int len) {
        int header = RtpHeader.length(b, off, len); // refuses a packet shorter than the fixed header
        int b0 = b[off] & 0xff;
        if (b0 >> 6 != 2) {
            throw new IllegalArgumentException("RTP version must be 2 but was " + (b0 >> 6));
        }
        int padding = (b0 & 0x20) != 0 ? b[off + len - 1] & 0xff : 0;
        int payloadLen = len - header - padding;
        if (payloadLen < 0) {
            throw new IllegalArgumentException("RTP header/padding longer than the packet");
        }
        int b1 = b[off + 1] & 0xff;
        return new RtpPacket(b1 & 0x7f, (b1 & 0x80) != 0, RtpHeader.sequence(b, off), RtpHeader.timestamp(b, off),
                RtpHeader.ssrc(b, off), b, off + header, payloadLen);
    }
}
