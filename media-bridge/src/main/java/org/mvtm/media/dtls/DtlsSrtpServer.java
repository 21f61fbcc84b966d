package org.mvtm.media.dtls;

import java.io.IOException;
import java.util.Hashtable;
import java.util.Vector;
import java.util.function.Consumer;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * The DTLS server of one WebRTC leg (RFC 5763/5764): DTLS 1.2, ECDSA certificate, requires the client's certificate
 * and checks it against the {@code a=fingerprint} of the leg's SDP, negotiates {@code use_srtp} with
 * SRTP_AES128_CM_HMAC_SHA1_80 and exports the SRTP keying material when the handshake completes.
 */
public final class DtlsSrtpServer extends DefaultTlsServer {
    private final BcTlsCrypto crypto;
    private final DtlsCertificate certificate;
    private final String expectedHash;
    private final String expectedFingerprint;
    private volatile byte[] keyingMaterial;
    private volatile Consumer<byte[]> keysListener = k -> { };
    private volatile String failure;

    /**
     * @param expectedHash        hash named by the peer's {@code a=fingerprint} ({@code sha-256})
     * @param expectedFingerprint the peer's fingerprint, colon-separated hex (case-insensitive)
     */
    public DtlsSrtpServer(BcTlsCrypto crypto, DtlsCertificate certificate, String expectedHash,
                          String expectedFingerprint) {
        super(crypto);
        this.crypto = crypto;
        this.certificate = certificate;
        this.expectedHash = expectedHash;
        this.expectedFingerprint = expectedFingerprint;
    }

    @Override
    public ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    /** Only ECDHE_ECDSA suites: the certificate is ECDSA (what browsers generate and expect). */
    @Override
    protected int[] getSupportedCipherSuites() {
        return TlsUtils.getSupportedCipherSuites(getCrypto(), new int[] {
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
        });
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
        return certificate.signer(crypto, context);
    }

    @Override
    public CertificateRequest getCertificateRequest() {
        Vector<SignatureAndHashAlgorithm> algorithms = new Vector<>();
        algorithms.add(SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
        algorithms.add(SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha384, SignatureAlgorithm.ecdsa));
        algorithms.add(SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.rsa));
        algorithms.add(SignatureAndHashAlgorithm.rsa_pss_rsae_sha256);
        return new CertificateRequest(new short[] {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign},
                algorithms, null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        if (clientCertificate == null || clientCertificate.isEmpty()) {
            failure = "peer sent no DTLS certificate";
            throw new TlsFatalAlert(AlertDescription.bad_certificate, failure);
        }
        byte[] der = clientCertificate.getCertificateAt(0).getEncoded();
        String actual = DtlsCertificate.fingerprint(expectedHash, der);
        if (!actual.equalsIgnoreCase(expectedFingerprint)) {
            failure = "DTLS fingerprint mismatch: SDP a=fingerprint " + expectedHash + " " + expectedFingerprint
                    + " but the peer's certificate has " + actual;
            throw new TlsFatalAlert(AlertDescription.bad_certificate, failure);
        }
    }

    @Override
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        UseSRTPData offered = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
        if (offered == null || !contains(offered.getProtectionProfiles(), DtlsSrtp.PROFILE)) {
            failure = "peer did not offer use_srtp SRTP_AES128_CM_HMAC_SHA1_80";
            throw new TlsFatalAlert(AlertDescription.handshake_failure, failure);
        }
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Hashtable getServerExtensions() throws IOException {
        return DtlsSrtp.withUseSrtp(super.getServerExtensions());
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        keyingMaterial = DtlsSrtp.keyingMaterial(context);
        keysListener.accept(keyingMaterial);
    }

    /** Called on the handshake thread as soon as the SRTP keying material exists (before the last flight). */
    public void onKeys(Consumer<byte[]> listener) {
        this.keysListener = listener;
    }

    /** The 60 bytes of RFC 5764 keying material, or null before the handshake completed. */
    public byte[] keyingMaterial() {
        return keyingMaterial;
    }

    /** Why the handshake was refused by this side, or null. */
    public String failure() {
        return failure;
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
