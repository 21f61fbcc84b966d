package org.mvtm.recording.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and hex helpers. */
public final class Hex {
    private Hex() {
    }

    public static String of(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    public static byte[] parse(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 fed in 16 KiB pieces (a single huge update stays interpreted and misses the SHA intrinsic). */
    public static byte[] sha256(byte[] data) {
        MessageDigest d = sha256();
        for (int p = 0; p < data.length; p += 16 * 1024) {
            d.update(data, p, Math.min(16 * 1024, data.length - p));
        }
        return d.digest();
    }
}
