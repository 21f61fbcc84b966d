package org.mvtm.media.stun;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.mvtm.core.media.BigEndian;

/**
 * Builds a STUN message into a caller-supplied buffer: header, attributes, then MESSAGE-INTEGRITY and FINGERPRINT
 * (always last, in that order). Padding bytes are zero.
 */
public final class StunWriter {
    private final byte[] buf;
    private final int off;
    private int pos;

    public StunWriter(byte[] buf, int off, int type, byte[] transactionId) {
        if (transactionId.length != 12) {
            throw new IllegalArgumentException("STUN transaction id must be 12 bytes");
        }
        this.buf = buf;
        this.off = off;
        BigEndian.putUint16(buf, off, type);
        BigEndian.putUint16(buf, off + 2, 0);
        BigEndian.putInt32(buf, off + 4, StunMessage.MAGIC_COOKIE);
        System.arraycopy(transactionId, 0, buf, off + 8, 12);
        pos = off + 20;
    }

    public StunWriter xorMappedAddress(InetSocketAddress address) {
        byte[] a = address.getAddress().getAddress();
        int start = attr(StunMessage.ATTR_XOR_MAPPED_ADDRESS, 4 + a.length);
        buf[start] = 0;
        buf[start + 1] = (byte) (a.length == 4 ? 1 : 2);
        BigEndian.putUint16(buf, start + 2, address.getPort() ^ (StunMessage.MAGIC_COOKIE >>> 16));
        for (int i = 0; i < a.length; i++) {
            buf[start + 4 + i] = (byte) (a[i] ^ buf[off + 4 + i]);
        }
        return this;
    }

    public StunWriter username(String username) {
        byte[] u = username.getBytes(StandardCharsets.UTF_8);
        int start = attr(StunMessage.ATTR_USERNAME, u.length);
        System.arraycopy(u, 0, buf, start, u.length);
        return this;
    }

    public StunWriter priority(long priority) {
        BigEndian.putInt32(buf, attr(StunMessage.ATTR_PRIORITY, 4), (int) priority);
        return this;
    }

    public StunWriter errorCode(int code, String reason) {
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        int start = attr(StunMessage.ATTR_ERROR_CODE, 4 + r.length);
        buf[start] = 0;
        buf[start + 1] = 0;
        buf[start + 2] = (byte) (code / 100);
        buf[start + 3] = (byte) (code % 100);
        System.arraycopy(r, 0, buf, start + 4, r.length);
        return this;
    }

    /** Appends MESSAGE-INTEGRITY computed with {@code key}. */
    public StunWriter messageIntegrity(byte[] key) {
        int prefix = pos - off;
        byte[] mac = StunMessage.hmac(key, buf, off, prefix, prefix + 24 - 20);
        int start = attr(StunMessage.ATTR_MESSAGE_INTEGRITY, 20);
        System.arraycopy(mac, 0, buf, start, 20);
        return this;
    }

    /** Appends FINGERPRINT and returns the message length. */
    public int finishWithFingerprint() {
        int prefix = pos - off;
        BigEndian.putUint16(buf, off + 2, prefix + 8 - 20);
        int crc = StunMessage.fingerprint(buf, off, prefix);
        int start = attr(StunMessage.ATTR_FINGERPRINT, 4);
        BigEndian.putInt32(buf, start, crc);
        return pos - off;
    }

    /** Length so far (for messages without FINGERPRINT). */
    public int finish() {
        return pos - off;
    }

    private int attr(int type, int valueLen) {
        BigEndian.putUint16(buf, pos, type);
        BigEndian.putUint16(buf, pos + 2, valueLen);
        int start = pos + 4;
        int padded = StunMessage.pad4(valueLen);
        for (int i = valueLen; i < padded; i++) {
            buf[start + i] = 0;
        }
        pos = start + padded;
        BigEndian.putUint16(buf, off + 2, pos - off - 20);
        return start;
    }
}
