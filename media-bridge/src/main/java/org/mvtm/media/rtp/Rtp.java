package org.mvtm.media.rtp;

import org.mvtm.core.media.BigEndian;

/**
 * Field access on RTP/RTCP packets in place (RFC 3550), and the first-byte demultiplexing of RFC 7983. The RTP
 * header's sequence number, timestamp, SSRC and length are read and rewritten with contact-core's
 * {@link org.mvtm.core.media.RtpHeader}.
 */
public final class Rtp {
    private Rtp() {
    }

    /** What a datagram on a WebRTC port is, by its first byte (RFC 7983 figure 3). */
    public enum Demux { STUN, DTLS, RTP, RTCP, UNKNOWN }

    public static Demux classify(byte[] buf, int off, int len) {
        if (len < 1) {
            return Demux.UNKNOWN;
        }
        int b = buf[off] & 0xFF;
        if (b <= 3) {
            return Demux.STUN;
        }
        if (b >= 20 && b <= 63) {
            return Demux.DTLS;
        }
        if (b >= 128 && b <= 191) {
            if (len < 8) {
                return Demux.UNKNOWN;
            }
            int pt = buf[off + 1] & 0xFF;
            return pt >= 192 && pt <= 223 ? Demux.RTCP : (len >= 12 ? Demux.RTP : Demux.UNKNOWN);
        }
        return Demux.UNKNOWN;
    }

    public static int payloadType(byte[] b, int off) {
        return b[off + 1] & 0x7F;
    }

    public static void setPayloadType(byte[] b, int off, int pt) {
        b[off + 1] = (byte) ((b[off + 1] & 0x80) | (pt & 0x7F));
    }

    /** An RTCP PLI (RFC 4585 6.3.1) into {@code b}; returns its length (12). */
    public static int writePli(byte[] b, int off, long senderSsrc, long mediaSsrc) {
        b[off] = (byte) 0x81;
        b[off + 1] = (byte) 206;
        BigEndian.putUint16(b, off + 2, 2);
        BigEndian.putInt32(b, off + 4, senderSsrc);
        BigEndian.putInt32(b, off + 8, mediaSsrc);
        return 12;
    }

    /**
     * Finds the header extension element {@code id} (RFC 8285: one-byte {@code 0xBEDE} or two-byte {@code 0x100x}
     * form) of the RTP packet; returns {@code (offset << 16) | length} of its value, or -1 when the packet has no
     * such element or a malformed extension block.
     */
    public static long findExtension(byte[] b, int off, int len, int id) {
        int block = extensionBlockOffset(b, off, len);
        if (block < 0) {
            return -1;
        }
        int profile = BigEndian.uint16(b, block);
        int end = block + 4 + BigEndian.uint16(b, block + 2) * 4;
        boolean oneByte = profile == 0xBEDE;
        if (!oneByte && (profile & 0xFFF0) != 0x1000) {
            return -1;
        }
        int p = block + 4;
        while (p < end) {
            int elementId;
            int length;
            if (oneByte) {
                elementId = (b[p] & 0xF0) >>> 4;
                length = (b[p] & 0x0F) + 1;
                if (elementId == 0) { // padding
                    p++;
                    continue;
                }
                if (elementId == 15) { // RFC 8285 4.2: stop parsing
                    return -1;
                }
                p++;
            } else {
                elementId = b[p] & 0xFF;
                if (elementId == 0) {
                    p++;
                    continue;
                }
                if (p + 1 >= end) {
                    return -1;
                }
                length = b[p + 1] & 0xFF;
                p += 2;
            }
            if (p + length > end) {
                return -1;
            }
            if (elementId == id) {
                return ((long) p << 16) | length;
            }
            p += length;
        }
        return -1;
    }

    /**
     * Removes the header extension block of an RTP packet in place by moving the fixed header and CSRC list forward
     * over it (the payload does not move). Returns the number of bytes removed: the packet now starts at
     * {@code off + removed} and is {@code len - removed} long, with the X bit cleared. Returns 0 when there is no
     * (well-formed) extension.
     */
    public static int removeExtension(byte[] b, int off, int len) {
        int block = extensionBlockOffset(b, off, len);
        if (block < 0) {
            return 0;
        }
        int removed = 4 + BigEndian.uint16(b, block + 2) * 4;
        int headerLength = block - off;
        System.arraycopy(b, off, b, off + removed, headerLength);
        b[off + removed] = (byte) (b[off + removed] & ~0x10);
        return removed;
    }

    /** Offset of the extension block (its 16-bit profile) or -1 when X is clear or the block overruns the packet. */
    private static int extensionBlockOffset(byte[] b, int off, int len) {
        if (len < 12 || (b[off] & 0x10) == 0) {
            return -1;
        }
        int block = off + 12 + (b[off] & 0x0F) * 4;
        if (block + 4 > off + len || block + 4 + BigEndian.uint16(b, block + 2) * 4 > off + len) {
            return -1;
        }
        return block;
    }
}
