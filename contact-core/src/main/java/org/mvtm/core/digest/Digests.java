package org.mvtm.core.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The message digests that several modules take, written once: SHA-256 (signed documents, the recordings' hash
 * chains and audit log, the names of cached audio) and MD5 as SIP digest authentication uses it (RFC 2617: the HA1
 * the system of record stores and the edge checks a response against). Texts are hashed as UTF-8; hex is lower case.
 */
public final class Digests {
    private static final int PIECE = 16 * 1024;

    private Digests() {}

    /** A fresh SHA-256 digest, for data fed in parts. */
    public static MessageDigest sha256() {
        return digest("SHA-256");
    }

    /** SHA-256 fed in 16 KiB pieces (a single huge update stays interpreted and misses the SHA intrinsic). */
    public static byte[] sha256(byte[] data) {
        MessageDigest d = sha256();
        for (int p = 0; p < data.length; p += PIECE) {
            d.update(data, p, Math.min(PIECE, data.length - p));
        }
        return d.digest();
    }

    public static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(sha256(data));
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String md5Hex(String text) {
        return HexFormat.of().formatHex(digest("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The HA1 of RFC 2617 section 3.2.2.2: {@code MD5(username ":" realm ":" password)}. */
    public static String sipHa1(String username, String realm, String password) {
        return md5Hex(username + ":" + realm + ":" + password);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }
}
