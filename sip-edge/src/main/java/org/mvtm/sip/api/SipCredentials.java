package org.mvtm.sip.api;

import java.util.Map;
import java.util.Optional;

/** Looks up the digest password of a SIP user (customers' app identities and advisors' desk phones). */
@FunctionalInterface
public interface SipCredentials {

    /** The password of {@code username} in the edge's realm, or empty if the user is unknown. */
    Optional<String> password(String username);

    /** A fixed table of users and passwords (tests, small deployments). */
    static SipCredentials of(Map<String, String> passwords) {
        Map<String, String> copy = Map.copyOf(passwords);
        return user -> Optional.ofNullable(copy.get(user));
    }

    /** Nobody can authenticate; only trusted trunks may call. */
    static SipCredentials none() {
        return user -> Optional.empty();
    }
}
