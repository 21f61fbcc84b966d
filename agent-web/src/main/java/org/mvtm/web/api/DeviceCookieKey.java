package org.mvtm.web.api;

import java.security.SecureRandom;

/**
 * The key that signs the known-device cookie set at a successful sign-in (see docs/operations.md, "Sign-in and SIP
 * throttling"). Every node of a cluster needs the same key; the server derives it from the cluster secret or keeps it
 * under the data directory. Without a bean the web tier makes a random one (devices are forgotten on restart).
 */
public record DeviceCookieKey(byte[] secret) {
    public DeviceCookieKey {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("the device cookie key must have at least 16 bytes");
        }
        secret = secret.clone();
    }

    @Override
    public byte[] secret() {
        return secret.clone();
    }

    public static DeviceCookieKey random() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return new DeviceCookieKey(b);
    }
}
