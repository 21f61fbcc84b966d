package org.mvtm.media.dtls;

import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.SRTPProtectionProfile;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;

/**
 * DTLS-SRTP as both ends of a WebRTC leg speak it (RFC 5764): the {@code use_srtp} extension with the one profile
 * SRTP_AES128_CM_HMAC_SHA1_80, and the keying material exported once the handshake completed.
 */
public final class DtlsSrtp {
    /** The profile offered and accepted. */
    public static final int PROFILE = SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80;
    /** The length of the keying material for {@link #PROFILE}: two 16-byte keys and two 14-byte salts. */
    public static final int KEYING_MATERIAL_LENGTH = 60;

    private DtlsSrtp() {
    }

    /** {@code extensions} (a new table when null) with {@code use_srtp} for {@link #PROFILE} and no MKI. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Hashtable withUseSrtp(Hashtable extensions) throws IOException {
        Hashtable result = TlsExtensionsUtils.ensureExtensionsInitialised(extensions);
        TlsSRTPUtils.addUseSRTPExtension(result, new UseSRTPData(new int[] {PROFILE}, TlsUtils.EMPTY_BYTES));
        return result;
    }

    /** The SRTP keying material of a completed handshake (RFC 5764 4.2). */
    public static byte[] keyingMaterial(TlsContext context) {
        return context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, KEYING_MATERIAL_LENGTH);
    }
}
