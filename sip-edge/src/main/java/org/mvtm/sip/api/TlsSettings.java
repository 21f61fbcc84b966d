package org.mvtm.sip.api;

import java.nio.file.Path;

/**
 * Where the TLS listening point gets its certificate: a PKCS#12 key store, or {@code keyStore == null} for a
 * development certificate (self-signed, generated with BouncyCastle on start for the edge's domain).
 */
public record TlsSettings(Path keyStore, String password) {
    public TlsSettings {
        if (keyStore != null && (password == null || password.isEmpty())) {
            throw new IllegalArgumentException("TLS key store " + keyStore + " needs a password");
        }
    }

    /** A self-signed development certificate generated on start. */
    public static TlsSettings developmentCertificate() {
        return new TlsSettings(null, null);
    }

    public boolean generated() {
        return keyStore == null;
    }
}
