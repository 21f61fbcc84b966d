package org.mvtm.media.srtp;

/** Length of an RTP header including CSRCs and the header extension (RFC 3550 5.1, 5.3.1). */
final class RtpHeaderLength {
    private RtpHeaderLength() {
    }

    static int of(byte[] buf, int off, int len) {
        int cc = buf[off] & 0x0F;
        int h = 12 + 4 * cc;
        if ((buf[off] & 0x10) != 0 && h + 4 <= len) {
            int words = ((buf[off + h + 2] & 0xFF) << 8) | (buf[off + h + 3] & 0xFF);
            h += 4 + 4 * words;
        }
        if (h > len) {
            throw new IllegalArgumentException("RTP header of " + h + " bytes is longer than the packet (" + len + ")");
        }
        return h;
    }
}
