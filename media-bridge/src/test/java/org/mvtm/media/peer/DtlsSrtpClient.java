package org.mvtm.media.peer;

import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.mvtm.media.dtls.DtlsCertificate;
import org.mvtm.media.dtls.DtlsSrtp;

/** The browser side of DTLS-SRTP, for synthetic peers: client certificate, use_srtp, server fingerprint check. */
final class DtlsSrtpClient extends DefaultTlsClient {
    private final BcTlsCrypto crypto;
    private final DtlsCertificate certificate;
    private final String serverFingerprint;
    volatile byte[] keyingMaterial;

    DtlsSrtpClient(BcTlsCrypto crypto, DtlsCertificate certificate, String serverFingerprint) {
        super(crypto);
        this.crypto = crypto;
        this.certificate = certificate;
        this.serverFingerprint = serverFingerprint;
    }

    @Override
    public ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return TlsUtils.getSupportedCipherSuites(getCrypto(),
                new int[] {CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256});
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Hashtable getClientExtensions() throws IOException {
        return DtlsSrtp.withUseSrtp(super.getClientExtensions());
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                byte[] der = serverCertificate.getCertificate().getCertificateAt(0).getEncoded();
                if (!DtlsCertificate.fingerprint("sha-256", der).equalsIgnoreCase(serverFingerprint)) {
                    throw new TlsFatalAlert(AlertDescription.bad_certificate, "server fingerprint mismatch");
                }
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                return certificate.signer(crypto, context);
            }
        };
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        keyingMaterial = DtlsSrtp.keyingMaterial(context);
    }
}
