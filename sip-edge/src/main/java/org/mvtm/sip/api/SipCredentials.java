package org.mvtm.sip.api;

import java.util.Map;
import java.util.Optional;
import org.mvtm.core.digest.Digests;

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
        return (user, realm) -> Optional.ofNullable(copy.get(user)).map(p -> Digests.sipHa1(user, realm, p));
    }

    /** Nobody can authenticate; only trusted trunks may call. */
    static SipCredentials none() {
        return (user, realm) -> Optional.empty();
    }
}
