package org.mvtm.sip.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Looks up the digest credentials of a SIP user (advisors' desk phones, customers' app identities) as the HA1 of
 * RFC 2617 ({@code MD5(username ":" realm ":" password)}), so the server never needs SIP passwords in clear.
 * Users without SIP credentials cannot register or call.
 */
@FunctionalInterface
public interface SipCredentials {

    /** The HA1 of {@code username} in {@code realm} (lower-case hex), or empty if the user has no SIP credentials. */
    Optional<String> ha1(String username, String realm);

    /** A fixed table of users and clear passwords (tests, small deployments); HA1s are computed on lookup. */
    static SipCredentials of(Map<String, String> passwords) {
        Map<String, String> copy = Map.copyOf(passwords);
        return (user, realm) -> Optional.ofNullable(copy.get(user)).map(p -> ha1(user, realm, p));
    }

    /** Nobody can authenticate; only trusted trunks may call. */
    static SipCredentials none() {
        return (user, realm) -> Optional.empty();
    }

    /** {@code MD5(username ":" realm ":" password)} in lower-case hex. */
    static String ha1(String username, String realm, String password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest((username + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }
}
