package org.mvtm.media.rtp;

/** Field access on RTP/RTCP packets in place (RFC 3550), and the first-byte demultiplexing of RFC 7983. */
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

    public static int sequence(byte[] b, int off) {
        return ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    public static void setSequence(byte[] b, int off, int seq) {
        b[off + 2] = (byte) (seq >>> 8);
        b[off + 3] = (byte) seq;
    }

    public static long timestamp(byte[] b, int off) {
        return readUint32(b, off + 4);
    }

    public static void setTimestamp(byte[] b, int off, long ts) {
        writeInt(b, off + 4, (int) ts);
    }

    public static long ssrc(byte[] b, int off) {
        return readUint32(b, off + 8);
    }

    public static void setSsrc(byte[] b, int off, long ssrc) {
        writeInt(b, off + 8, (int) ssrc);
    }

    public static long readUint32(byte[] b, int p) {
        return (((b[p] & 0xFFL) << 24) | ((b[p + 1] & 0xFF) << 16) | ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF));
    }

    public static int readUint16(byte[] b, int p) {
        return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
    }

    public static void writeInt(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 24);
        b[p + 1] = (byte) (v >>> 16);
        b[p + 2] = (byte) (v >>> 8);
        b[p + 3] = (byte) v;
    }

    public static void writeShort(byte[] b, int p, int v) {
        b[p] = (byte) (v >>> 8);
        b[p + 1] = (byte) v;
    }

    /** Writes a 12-byte RTP header. */
    public static void writeHeader(byte[] b, int off, boolean marker, int pt, int seq, long ts, long ssrc) {
        b[off] = (byte) 0x80;
        b[off + 1] = (byte) ((marker ? 0x80 : 0) | (pt & 0x7F));
        setSequence(b, off, seq);
        setTimestamp(b, off, ts);
        setSsrc(b, off, ssrc);
    }

    /** An RTCP PLI (RFC 4585 6.3.1) into {@code b}; returns its length (12). */
    public static int writePli(byte[] b, int off, long senderSsrc, long mediaSsrc) {
        b[off] = (byte) 0x81;
        b[off + 1] = (byte) 206;
        writeShort(b, off + 2, 2);
        writeInt(b, off + 4, (int) senderSsrc);
        writeInt(b, off + 8, (int) mediaSsrc);
        return 12;
    }
}
