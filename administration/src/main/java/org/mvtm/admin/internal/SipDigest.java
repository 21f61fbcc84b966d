package org.mvtm.admin.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The HTTP/SIP digest HA1 (RFC 2617 section 3.2.2.2): MD5 of {@code username:realm:password}, in lower-case hex. */
final class SipDigest {
    private SipDigest() {}

    static String ha1(String username, String realm, String password) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5")
                            .digest((username + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }
}
