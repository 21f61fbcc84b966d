package org.mvtm.media.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in counter mode as SRTP defines it (RFC 3711 4.1.1): keystream block i is AES(IV + i) with a 16-bit block
 * counter in the last two bytes of the IV. Uses one ECB cipher and preallocated buffers, so transforming a packet
 * allocates nothing. Not thread-safe.
 */
final class AesCounterMode {
    private static final int MAX = 2048;
    private final Cipher ecb;
    private final byte[] counters = new byte[MAX + 16];
    private final byte[] keystream = new byte[MAX + 16];

    AesCounterMode(byte[] key) {
        try {
            ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES unavailable", e);
        }
    }

    /** XORs {@code len} bytes at {@code off} with the keystream for the 16-byte {@code iv} (last 2 bytes zero). */
    void apply(byte[] iv, byte[] buf, int off, int len) {
        if (len > MAX) {
            throw new IllegalArgumentException("SRTP payload of " + len + " bytes exceeds " + MAX);
        }
        int blocks = (len + 15) >>> 4;
        for (int b = 0; b < blocks; b++) {
            int base = b << 4;
            System.arraycopy(iv, 0, counters, base, 14);
            counters[base + 14] = (byte) (b >>> 8);
            counters[base + 15] = (byte) b;
        }
        try {
            ecb.update(counters, 0, blocks << 4, keystream, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < len; i++) {
            buf[off + i] ^= keystream[i];
        }
    }

    /** Keystream bytes for an IV, for key derivation and tests. */
    byte[] keystream(byte[] iv, int len) {
        byte[] out = new byte[len];
        apply(iv, out, 0, len);
        return out;
    }
}
