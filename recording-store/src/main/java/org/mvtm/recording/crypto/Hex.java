package org.mvtm.recording.crypto;

import java.util.HexFormat;

/** Lower-case hex, as the manifests, the audit log and the key files write digests and keys. */
public final class Hex {
    private Hex() {
    }

    public static String of(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    public static byte[] parse(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
