package org.mvtm.media.srtp;

import java.util.Arrays;

/**
 * Master key and salt of one direction of an SRTP_AES128_CM_HMAC_SHA1_80 session, and the session keys derived
 * from them (RFC 3711 4.3, key derivation rate 0).
 */
public final class SrtpKeys {
    public static final int MASTER_KEY_LENGTH = 16;
    public static final int MASTER_SALT_LENGTH = 14;

    final byte[] rtpKey;
    final byte[] rtpAuthKey;
    final byte[] rtpSalt;
    final byte[] rtcpKey;
    final byte[] rtcpAuthKey;
    final byte[] rtcpSalt;

    public SrtpKeys(byte[] masterKey, byte[] masterSalt) {
        if (masterKey.length != MASTER_KEY_LENGTH || masterSalt.length != MASTER_SALT_LENGTH) {
            throw new IllegalArgumentException("SRTP master key/salt must be 16/14 bytes but were "
                    + masterKey.length + "/" + masterSalt.length);
        }
        AesCounterMode prf = new AesCounterMode(masterKey);
        rtpKey = derive(prf, masterSalt, 0, 16);
        rtpAuthKey = derive(prf, masterSalt, 1, 20);
        rtpSalt = derive(prf, masterSalt, 2, 14);
        rtcpKey = derive(prf, masterSalt, 3, 16);
        rtcpAuthKey = derive(prf, masterSalt, 4, 20);
        rtcpSalt = derive(prf, masterSalt, 5, 14);
    }

    /**
     * Splits DTLS-SRTP keying material (RFC 5764 4.2: client key, server key, client salt, server salt) into the
     * keys of one side.
     */
    public static SrtpKeys fromDtlsExport(byte[] material, boolean client) {
        if (material.length != 2 * (MASTER_KEY_LENGTH + MASTER_SALT_LENGTH)) {
            throw new IllegalArgumentException("DTLS-SRTP keying material must be 60 bytes");
        }
        int keyOff = client ? 0 : MASTER_KEY_LENGTH;
        int saltOff = 2 * MASTER_KEY_LENGTH + (client ? 0 : MASTER_SALT_LENGTH);
        return new SrtpKeys(Arrays.copyOfRange(material, keyOff, keyOff + MASTER_KEY_LENGTH),
                Arrays.copyOfRange(material, saltOff, saltOff + MASTER_SALT_LENGTH));
    }

    static byte[] derive(AesCounterMode prf, byte[] masterSalt, int label, int length) {
        byte[] iv = new byte[16];
        System.arraycopy(masterSalt, 0, iv, 0, 14);
        iv[7] ^= (byte) label;
        return prf.keystream(iv, length);
    }
}
