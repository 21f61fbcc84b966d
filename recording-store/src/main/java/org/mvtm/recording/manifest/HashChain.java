package org.mvtm.recording.manifest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.mvtm.core.digest.Digests;
import org.mvtm.recording.crypto.Hex;

/**
 * The segment hash chain: {@code chain_i = SHA-256(chain_{i-1} | sha256(segment_i) | seq_i | index_i | leg_i)}
 * with {@code chain_{-1}} = 32 zero bytes, seq and index as 4-byte big-endian, leg as UTF-8. The head of the chain
 * is in the signed manifest, so removing, reordering or altering any segment breaks it.
 */
public final class HashChain {
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    public static String link(String previous, String segmentSha256, int seq, int index, String leg) {
        MessageDigest d = Digests.sha256();
        d.update(Hex.parse(previous));
        d.update(Hex.parse(segmentSha256));
        d.update(ByteBuffer.allocate(8).putInt(seq).putInt(index).array());
        d.update(leg.getBytes(StandardCharsets.UTF_8));
        return Hex.of(d.digest());
    }
}
