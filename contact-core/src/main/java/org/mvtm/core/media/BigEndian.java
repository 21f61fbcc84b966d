package org.mvtm.core.media;

/**
 * Fields in network byte order (big-endian) in a byte array, read and written in place, as RTP, RTCP, SRTP and STUN
 * carry them: the one implementation the media code uses.
 */
public final class BigEndian {
    private BigEndian() {}

    /** The unsigned 16-bit field at {@code p}. */
    public static int uint16(byte[] b, int p) {
        return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
    }

    /** The 32-bit field at {@code p} as a signed int (its bits as written). */
    public static int int32(byte[] b, int p) {
        return ((b[p] & 0xFF) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF);
    }

    /** The unsigned 32-bit field at {@code p} (an RTP timestamp or SSRC). */
    public static long uint32(byte[] b, int p) {
        return int32(b, p) & 0xFFFF_FFFFL;
    }

    /** Writes the low 16 bits of {@code v} at {@code p}. */
    public static void putUint16(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 8);
        b[p + 1] = (byte) v;
    }

    /** Writes the low 32 bits of {@code v} at {@code p}. */
    public static void putInt32(byte[] b, int p, long v) {
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
    }
}
