package org.mvtm.core.media;

/**
 * The RTP header (RFC 3550 5.1), read and written in place: every sender here writes the fixed header (version 2, no
 * padding, extension or CSRCs); what is read may carry CSRCs and a header extension ({@link #length}).
 */
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
        BigEndian.putUint16(b, off + 2, seq);
    }

    /** Rewrites the timestamp of the header at {@code off} in place. */
    public static void setTimestamp(byte[] b, int off, long timestamp) {
        BigEndian.putInt32(b, off + 4, timestamp);
    }

    /** Rewrites the SSRC of the header at {@code off} in place. */
    public static void setSsrc(byte[] b, int off, long ssrc) {
        BigEndian.putInt32(b, off + 8, ssrc);
    }

    /** The sequence number of the header at {@code off}. */
    public static int sequence(byte[] b, int off) {
        return BigEndian.uint16(b, off + 2);
    }

    /** The timestamp of the header at {@code off}. */
    public static long timestamp(byte[] b, int off) {
        return BigEndian.uint32(b, off + 4);
    }

    /** The SSRC of the header at {@code off}. */
    public static long ssrc(byte[] b, int off) {
        return BigEndian.uint32(b, off + 8);
    }

    /**
     * The length of the header at {@code off} of a {@code len}-byte packet, with its CSRCs and header extension
     * (RFC 3550 5.1, 5.3.1): where the payload starts.
     *
     * @throws IllegalArgumentException when the header runs past the packet, saying how long each is
     */
    public static int length(byte[] b, int off, int len) {
        int h = lengthWithin(b, off, len);
        if (h >= 0) {
            return h;
        }
        if (len < LENGTH) {
            throw new IllegalArgumentException("RTP packet shorter than " + LENGTH + " bytes: " + len);
        }
        if ((b[off] & 0x10) != 0 && extensionAt(b, off) + 4 > len) {
            throw new IllegalArgumentException("RTP header extension runs past the packet (" + len + " bytes)");
        }
        throw new IllegalArgumentException(
                "RTP header of " + lengthOf(b, off) + " bytes is longer than the packet (" + len + ")");
    }

    /**
     * As {@link #length}, for a reader to whom a packet that is not whole is no event (a key press, say): -1 when the
     * header runs past the packet.
     */
    public static int lengthWithin(byte[] b, int off, int len) {
        if (len < LENGTH) {
            return -1;
        }
        if ((b[off] & 0x10) != 0 && extensionAt(b, off) + 4 > len) {
            return -1;
        }
        int h = lengthOf(b, off);
        return h > len ? -1 : h;
    }

    /** Where the header extension of a header whose X bit is set starts: after the fixed header and the CSRCs. */
    private static int extensionAt(byte[] b, int off) {
        return LENGTH + 4 * (b[off] & 0x0F);
    }

    /** The length the header at {@code off} says it has; its first four bytes of extension must be in the packet. */
    private static int lengthOf(byte[] b, int off) {
        int h = extensionAt(b, off);
        return (b[off] & 0x10) == 0 ? h : h + 4 + 4 * BigEndian.uint16(b, off + h + 2);
    }
}
