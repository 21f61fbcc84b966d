package org.mvtm.media.stun;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mvtm.core.media.BigEndian;

/**
 * Reads and writes the parts of STUN (RFC 5389) that ICE-lite needs: Binding request/response, USERNAME,
 * XOR-MAPPED-ADDRESS, MESSAGE-INTEGRITY (HMAC-SHA1, short-term credentials) and FINGERPRINT. Works directly on the
 * datagram bytes; a message is valid only while its buffer is.
 */
public final class StunMessage {
    public static final int BINDING_REQUEST = 0x0001;
    public static final int BINDING_SUCCESS = 0x0101;
    public static final int BINDING_ERROR = 0x0111;
    public static final int MAGIC_COOKIE = 0x2112A442;
    static final int ATTR_USERNAME = 0x0006;
    static final int ATTR_MESSAGE_INTEGRITY = 0x0008;
    static final int ATTR_ERROR_CODE = 0x0009;
    static final int ATTR_XOR_MAPPED_ADDRESS = 0x0020;
    static final int ATTR_PRIORITY = 0x0024;
    static final int ATTR_USE_CANDIDATE = 0x0025;
    static final int ATTR_FINGERPRINT = 0x8028;
    static final int ATTR_ICE_CONTROLLED = 0x8029;
    static final int ATTR_ICE_CONTROLLING = 0x802A;
    private static final int FINGERPRINT_XOR = 0x5354554e;
    private static final int HEADER = 20;

    private final byte[] buf;
    private final int off;
    private final int len;

    private StunMessage(byte[] buf, int off, int len) {
        this.buf = buf;
        this.off = off;
        this.len = len;
    }

    /** True if the datagram looks like STUN: first two bits zero, magic cookie, length matches (RFC 7983). */
    public static boolean isStun(byte[] buf, int off, int len) {
        return len >= HEADER && (buf[off] & 0xC0) == 0 && BigEndian.int32(buf, off + 4) == MAGIC_COOKIE
                && BigEndian.uint16(buf, off + 2) + HEADER == len && (BigEndian.uint16(buf, off + 2) & 3) == 0;
    }

    /** Parses a datagram; throws {@link IllegalArgumentException} naming the problem if it is not valid STUN. */
    public static StunMessage parse(byte[] buf, int off, int len) {
        if (!isStun(buf, off, len)) {
            throw new IllegalArgumentException("not a STUN message (" + len + " bytes)");
        }
        int p = off + HEADER;
        int end = off + len;
        while (p < end) {
            if (p + 4 > end) {
                throw new IllegalArgumentException("truncated STUN attribute header at " + (p - off));
            }
            int alen = BigEndian.uint16(buf, p + 2);
            if (p + 4 + alen > end) {
                throw new IllegalArgumentException("STUN attribute 0x" + Integer.toHexString(BigEndian.uint16(buf, p))
                        + " length " + alen + " runs past the message");
            }
            p += 4 + pad4(alen);
        }
        return new StunMessage(buf, off, len);
    }

    public int type() {
        return BigEndian.uint16(buf, off);
    }

    public byte[] transactionId() {
        return Arrays.copyOfRange(buf, off + 8, off + 20);
    }

    /** Offset of the attribute's value, or -1. Only attributes before MESSAGE-INTEGRITY count, except FINGERPRINT. */
    private int find(int type) {
        int p = off + HEADER;
        int end = off + len;
        while (p + 4 <= end) {
            int t = BigEndian.uint16(buf, p);
            if (t == type) {
                return p;
            }
            p += 4 + pad4(BigEndian.uint16(buf, p + 2));
        }
        return -1;
    }

    public boolean has(int attrType) {
        return find(attrType) >= 0;
    }

    public String username() {
        int p = find(ATTR_USERNAME);
        return p < 0 ? null : new String(buf, p + 4, BigEndian.uint16(buf, p + 2), StandardCharsets.UTF_8);
    }

    public long priority() {
        int p = find(ATTR_PRIORITY);
        return p < 0 ? -1 : BigEndian.uint32(buf, p + 4);
    }

    public boolean useCandidate() {
        return has(ATTR_USE_CANDIDATE);
    }

    public InetSocketAddress xorMappedAddress() {
        int p = find(ATTR_XOR_MAPPED_ADDRESS);
        if (p < 0) {
            return null;
        }
        int family = buf[p + 5] & 0xFF;
        int port = BigEndian.uint16(buf, p + 6) ^ (MAGIC_COOKIE >>> 16);
        byte[] addr = new byte[family == 1 ? 4 : 16];
        for (int i = 0; i < addr.length; i++) {
            addr[i] = (byte) (buf[p + 8 + i] ^ buf[off + 4 + i]); // cookie then transaction id
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(addr), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad XOR-MAPPED-ADDRESS", e);
        }
    }

    /** Checks FINGERPRINT if present; true when absent (RFC 5389: optional, but ICE peers always send it). */
    public boolean fingerprintValid() {
        int p = find(ATTR_FINGERPRINT);
        if (p < 0) {
            return true;
        }
        return BigEndian.int32(buf, p + 4) == fingerprint(buf, off, p - off);
    }

    /** Verifies MESSAGE-INTEGRITY with a short-term password; false if missing or wrong. */
    public boolean integrityValid(byte[] key) {
        int p = find(ATTR_MESSAGE_INTEGRITY);
        if (p < 0 || BigEndian.uint16(buf, p + 2) != 20) {
            return false;
        }
        byte[] expected = hmac(key, buf, off, p - off, p - off + 24 - HEADER);
        return MessageDigest.isEqual(expected, Arrays.copyOfRange(buf, p + 4, p + 24));
    }

    /** HMAC-SHA1 over the message prefix with the header length field set to {@code lengthField}. */
    static byte[] hmac(byte[] key, byte[] buf, int off, int prefixLen, int lengthField) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            mac.update(buf, off, 2);
            mac.update((byte) (lengthField >>> 8));
            mac.update((byte) lengthField);
            mac.update(buf, off + 4, prefixLen - 4);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }

    /** CRC-32 of the prefix XOR 0x5354554e, the length field already covering the FINGERPRINT attribute. */
    static int fingerprint(byte[] buf, int off, int prefixLen) {
        CRC32 crc = new CRC32();
        crc.update(buf, off, prefixLen);
        return (int) crc.getValue() ^ FINGERPRINT_XOR;
    }

    static int pad4(int n) {
        return (n + 3) & ~3;
    }

    /** Short-term credential key: the password's UTF-8 bytes (RFC 5389 15.4). */
    public static byte[] shortTermKey(String password) {
        return password.getBytes(StandardCharsets.UTF_8);
    }
}
