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

    public static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }
}
